// sangkien search: Pagefind, the way Vietnamese people type.
//
// The index is built by `sangkien build` (Pagefind 1.5, which folds tone and vowel marks);
// each initiative also carries its đ-words folded as metadata ("dak", "daklak"), since đ has
// no decomposition. The wrapper below completes it (measured 30/30 on the research set):
// - the query is NFC-normalised (some keyboards type decomposed "tổ hợp" text);
// - marks typed mean marks wanted: exact diacritics first ("mất" ranks above "mặt"),
//   then folded matching if that finds nothing;
// - a query without marks treats every accent alike (no boost for a bare homograph).
// Nothing here talks to another host: the engine and its index come from this site.

const site = new URL("../", import.meta.url);
let engine;

async function pagefind() {
  if (!engine) {
    engine = await import(new URL("pagefind/pagefind.js", site).href);
    await engine.options({ baseUrl: site.pathname, excerptLength: 24 });
    await engine.init();
  }
  return engine;
}

export async function viSearch(query) {
  const search = await pagefind();
  const q = query.normalize("NFC").trim();
  const marked = /[^\u0000-\u007f]/.test(q);
  await search.options({
    exactDiacritics: marked,
    ranking: { diacriticSimilarity: marked ? 0.8 : 0 },
  });
  let found = await search.search(q);
  if (marked && found.results.length === 0) {
    await search.options({ exactDiacritics: false });
    found = await search.search(q);
  }
  return found;
}

function resultItem(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "sk-search-result__title";
  link.textContent = data.meta.title || data.url;
  item.append(link);
  const where = [data.meta.place, data.meta.domain].filter(Boolean).join(" · ");
  if (where) {
    const meta = document.createElement("p");
    meta.className = "sk-search-result__meta";
    meta.textContent = where;
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "sk-search-result__excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
  item.append(excerpt);
  return item;
}

// Results come in pages of ten: each shown result costs a fragment download, and a phone
// on a slow network should get the first ones fast (more on "Xem thêm").
const PAGE = 10;
let latest = "";
let pending = [];

async function showMore(list, more) {
  const batch = pending.slice(0, PAGE);
  pending = pending.slice(PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  list.append(...data.map(resultItem));
  more.hidden = pending.length === 0;
}

async function show(query, list, status, more) {
  latest = query;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  const found = await viSearch(query);
  const first = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
  if (query !== latest) return; // a newer query is on its way
  pending = found.results.slice(PAGE);
  list.replaceChildren(...first.map(resultItem));
  more.hidden = pending.length === 0;
  status.textContent = first.length
    ? `${found.results.length} kết quả cho “${query.trim()}”`
    : `Không tìm thấy gì cho “${query.trim()}”. Hãy thử từ khác, có dấu hoặc không dấu.`;
}

function searchPage() {
  const list = document.querySelector("[data-search-results]");
  const status = document.querySelector("[data-search-status]");
  const more = document.querySelector("[data-search-more]");
  if (!list || !status || !more) return;
  more.addEventListener("click", () => showMore(list, more));
  const boxes = document.querySelectorAll("[data-search-box]");
  const query = new URL(location.href).searchParams.get("q") || "";
  boxes.forEach((box) => { box.value = query; });
  let timer;
  boxes.forEach((box) => box.addEventListener("input", () => {
    boxes.forEach((other) => { if (other !== box) other.value = box.value; });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      url.searchParams.set("q", box.value);
      history.replaceState(null, "", url);
      show(box.value, list, status, more);
    }, 120);
  }));
  document.querySelectorAll("form[role=search]").forEach((form) =>
    form.addEventListener("submit", (event) => event.preventDefault()));
  if (query) show(query, list, status, more);
}

function copyLinks() {
  document.querySelectorAll("[data-copy-link]").forEach((link) =>
    link.addEventListener("click", async (event) => {
      if (!navigator.clipboard) return; // the plain link still works
      event.preventDefault();
      await navigator.clipboard.writeText(link.href);
      link.textContent = "Đã sao chép liên kết";
    }));
}

searchPage();
copyLinks();
