// Stands for what a crawler's browser must never reach: the cloud metadata service
// (or any internal address). Were it loaded, this would show in the page's text.
document.addEventListener("DOMContentLoaded", function () {
  var leak = document.createElement("p");
  leak.textContent = "iam: role leadcrawl-node, owner ops-secrets@cloudops-internal.net";
  document.body.appendChild(leak);
});
