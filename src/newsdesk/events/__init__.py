"""PLOVER event coding from the parse and the extracted actors, times and places."""
