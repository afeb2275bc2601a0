// Small enhancements only; everything works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to an error summary so screen-reader users hear it first.
  var summary = document.querySelector(".error-summary, [data-focus-first]");
  if (summary) { summary.focus(); }

  // On a narrow screen the directory's filters fold behind their "Filter" control, so results come
  // first; on a wide one they stay open beside the results.
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 48rem)");
    var fit = function () { if (narrow.matches) { filters.removeAttribute("open"); } else { filters.setAttribute("open", "open"); } };
    fit();
    if (narrow.addEventListener) { narrow.addEventListener("change", fit); }
  }

  // The navigation's groups open without script; here one open group closes when another opens,
  // when the person clicks or tabs elsewhere, or presses Escape.
  var groups = Array.prototype.slice.call(document.querySelectorAll(".site-nav__group details"));
  function closeAll(except) {
    groups.forEach(function (group) { if (group !== except) { group.removeAttribute("open"); } });
  }
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () { if (group.open) { closeAll(group); } });
  });
  document.addEventListener("click", function (event) {
    groups.forEach(function (group) { if (!group.contains(event.target)) { group.removeAttribute("open"); } });
  });
  document.addEventListener("focusin", function (event) {
    groups.forEach(function (group) { if (!group.contains(event.target)) { group.removeAttribute("open"); } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    groups.forEach(function (group) {
      if (group.open) {
        group.removeAttribute("open");
        group.querySelector("summary").focus();
      }
    });
  });
});
