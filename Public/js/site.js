// Small enhancement only: move focus to an error summary so screen-reader users hear it first.
// Everything works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
});
