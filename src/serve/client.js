// handboek serve: follows the server's events for this page (see src/serve/http.rs).
(() => {
  const token = document.currentScript.dataset.token;
  const query = "page=" + encodeURIComponent(location.pathname) + "&since=" + encodeURIComponent(token);
  const events = new EventSource("/_handboek/events?" + query);
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("handboek-serve", Date.now());
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener("load", () => link.remove());
      link.after(fresh);
    }
  });
  events.addEventListener("overlay", (event) => {
    document.getElementById("handboek-overlay")?.remove();
    document.body.insertAdjacentHTML("beforeend", event.data);
  });
  document.getElementById("handboek-preview-problems")?.addEventListener("click", () => {
    const overlay = document.getElementById("handboek-overlay");
    if (overlay) overlay.hidden = false;
  });
})();
