(function () {
  "use strict";
  function merge(into, from) {
    Object.keys(from).forEach(function (key) {
      if (typeof from[key] === "object") {
        into[key] = into[key] || {};
        merge(into[key], from[key]);
      } else {
        into[key] = from[key];
      }
    });
  }
  // An optional field the officer emptied is saved as "" (decap-cms#7120), which
  // `sangkien check` refuses and the editor could never remove: drop empty values
  // (and objects left empty) before saving. Entry data are Immutable.js maps and lists.
  function blank(value) {
    return value === "" || value === null || value === undefined;
  }
  function clean(value) {
    if (value === null || typeof value !== "object" || typeof value.filter !== "function") {
      return value;
    }
    var isList = typeof value.push === "function";
    return value.map(clean).filter(function (item) {
      var emptyMap = !isList && item !== null && typeof item === "object" &&
        typeof item.push !== "function" && item.size === 0;
      return !blank(item) && !emptyMap;
    });
  }
  // A <meta> policy cannot forbid framing (frame-ancestors works only as a header, which
  // a static host does not send): a page of another site could show the editor in a frame
  // and lure a signed-in officer into clicks. In a frame, the editor does not start.
  if (window.top !== window.self) {
    var link = document.createElement("a");
    link.href = location.href;
    link.target = "_top";
    link.textContent = "Mở trình soạn thảo trong cửa sổ riêng / Open the editor in its own window";
    document.body.append(link);
    return;
  }
  var CMS = window.CMS;
  var vi = CMS.getLocale("vi");
  merge(vi, LOCALE_PATCH);  // from generator/editors/admin.py
  CMS.registerLocale("vi", vi);
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) { return clean(event.entry.get("data")); }
  });
  CMS.init();
})();
