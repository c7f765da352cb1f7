// Send the upload form to POST /api/ingest, then poll GET /api/jobs/{id} until the job ends.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) { return; }
  var box = document.getElementById("progress"), bar = document.getElementById("bar");
  var status = document.getElementById("status"), results = document.getElementById("results");
  var button = document.getElementById("upload-button");

  function headers() {
    var token = document.getElementById("token");
    return token && token.value ? {"Authorization": "Bearer " + token.value} : {};
  }

  function item(text, href) {
    var li = document.createElement("li");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;  // never innerHTML: names and reasons come from user files
    }
    results.appendChild(li);
  }

  function show(job) {
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    status.textContent = job.state + ": " + job.done + " of " + job.total + " processed";
    if (job.state === "done") {
      var r = job.result || {};
      status.textContent = "Done: " + (r.added || []).length + " added, " + (r.unchanged || []).length +
        " already stored, " + (r.rejected || []).length + " rejected.";
      (job.articles || []).forEach(function (a) { item("New article " + a.id, a.url); });
      (r.unchanged || []).forEach(function (id) { item("Already stored " + id, "/articles/" + id); });
      (r.rejected || []).forEach(function (x) { item("Rejected " + x.source + ": " + x.reason, null); });
    } else if (job.state === "failed") {
      status.textContent = "Failed: " + ((job.result || {}).error || "unknown error");
    }
    return job.state === "done" || job.state === "failed";
  }

  function poll(url) {
    fetch(url, {headers: headers()}).then(function (r) { return r.json(); }).then(function (job) {
      if (job.error) { status.textContent = job.error.message; button.disabled = false; return; }
      if (show(job)) { button.disabled = false; } else { window.setTimeout(function () { poll(url); }, 500); }
    }).catch(function (e) { status.textContent = "Lost contact: " + e; button.disabled = false; });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    box.hidden = false;
    results.textContent = "";
    bar.value = 0;
    status.textContent = "Uploading…";
    button.disabled = true;
    fetch(form.action, {method: "POST", body: new FormData(form), headers: headers()})
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.error) { status.textContent = body.error.message; button.disabled = false; return; }
        status.textContent = "Queued " + body.total + " input(s)…";
        poll(body.status_url);
      })
      .catch(function (e) { status.textContent = "Upload failed: " + e; button.disabled = false; });
  });
})();
