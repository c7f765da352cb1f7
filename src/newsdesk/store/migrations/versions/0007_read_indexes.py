"""read indexes: newest-first lists and per-entity counts without a full scan (issue 13)

- articles, stories and events in the order the lists show them (sort value desc, id), so that a page
  is an index walk, not a sort of the whole table;
- (entity, article_id) on mentions and places: entity counts read the index only;
- entities by name (the check that hides a gazetteer twin of a registry place).

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_articles_newest', 'articles', [sa.text("coalesce(published, '') DESC"), 'id'])
    op.create_index('ix_stories_newest', 'stories', [sa.text("coalesce(end_date, date, '') DESC"), 'id'])
    op.create_index('ix_events_newest', 'events', [sa.text("coalesce(date, '') DESC"), 'id'])
    op.create_index('ix_mentions_entity_article', 'mentions', ['entity', 'article_id'])
    op.create_index('ix_places_entity_article', 'places', ['entity', 'article_id'])
    op.create_index('ix_entities_name', 'entities', ['name'])


def downgrade() -> None:
    for name, table in (('ix_entities_name', 'entities'), ('ix_places_entity_article', 'places'),
                        ('ix_mentions_entity_article', 'mentions'), ('ix_events_newest', 'events'),
                        ('ix_stories_newest', 'stories'), ('ix_articles_newest', 'articles')):
        op.drop_index(name, table_name=table)
