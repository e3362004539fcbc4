// sangkien "Tra cứu": every initiative, filtered by facets and text, in the browser.
//
// The data (generator/publish/finder.py) is a small index of vocabularies plus rows in chunks; the
// first chunk is shown while the rest loads. A facet's counts say how many initiatives
// would remain with that value added, given every other choice. The state lives in the
// address (?tinh=dak-lak&linh-vuc=procedures&nam=2023,2024&q=…&sap-xep=ten), so a filtered
// view can be shared and bookmarked. Nothing is fetched from another host.

const FACETS = [
  // [url parameter, legend, vocabulary key, row field, several values per row]
  ["tinh", "Tỉnh, thành", "provinces", "province", false],
  ["linh-vuc", "Lĩnh vực", "domains", "domains", true],
  ["tinh-trang", "Tình trạng", "statuses", "status", false],
  ["cap", "Cấp", "levels", "level", false],
  ["nam", "Năm bắt đầu", "years", "year", false],
  ["tu-khoa", "Từ khóa", "tags", "tags", true],
];
const PAGE = 50;

const fold = (text) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

// What the text filter searches, folded here rather than sent twice in the data.
function rowsOf(index, chunk) {
  const at = Object.fromEntries(index.fields.map((name, n) => [name, n]));
  return chunk.map((row) => {
    const tags = row[at.tags].map((n) => index.tags[n][1]);
    const words = [row[at.title], row[at.summary], row[at.place], row[at.agency], ...tags];
    return {
      id: row[at.id], title: row[at.title], place: row[at.place], province: row[at.province],
      domains: row[at.domains], status: row[at.status], level: row[at.level], year: row[at.year],
      tags: row[at.tags], started: row[at.started], summary: row[at.summary],
      text: fold(words.join(" ")),
    };
  });
}

async function start(root) {
  const indexUrl = new URL(root.dataset.index, location.href);
  const site = new URL(root.dataset.site, location.href);
  const index = await (await fetch(indexUrl)).json();
  const form = root.querySelector("[data-finder-form]");
  const text = root.querySelector("[data-finder-text]");
  const sort = root.querySelector("[data-finder-sort]");
  const status = root.querySelector("[data-finder-status]");
  const list = root.querySelector("[data-finder-results]");
  const more = root.querySelector("[data-finder-more]");
  const rows = [];
  const years = new Set();
  const state = readState(index);
  let shown = PAGE;

  const facetBox = root.querySelector("[data-finder-facets]");
  const boxes = {};

  function vocabulary(key) {
    if (key === "years") return [...years].sort((a, b) => b - a).map((y) => [String(y), String(y)]);
    return index[key];
  }

  function valueIndex(facet, value) {
    const [, , key] = facet;
    if (key === "years") return Number(value);
    return vocabulary(key).findIndex(([id]) => id === value);
  }

  function rowValues(facet, row) {
    const [, , key, field, many] = facet;
    const value = row[field];
    const values = many ? value : [value];
    return key === "years" ? values : values;
  }

  function matches(row, except) {
    const words = fold(state.q).split(/\s+/).filter(Boolean);
    if (words.some((word) => !row.text.includes(word))) return false;
    return FACETS.every((facet) => {
      const chosen = state.facets[facet[0]];
      if (facet === except || chosen.size === 0) return true;
      return rowValues(facet, row).some((value) => chosen.has(value));
    });
  }

  function drawFacets() {
    facetBox.replaceChildren();
    for (const facet of FACETS) {
      const [param, legend, key] = facet;
      const counts = new Map();
      for (const row of rows) {
        if (!matches(row, facet)) continue;
        for (const value of rowValues(facet, row)) counts.set(value, (counts.get(value) || 0) + 1);
      }
      const details = document.createElement("details");
      details.className = "sk-finder__facet";
      details.open = state.facets[param].size > 0 || param !== "tu-khoa"; // tags are many
      const summary = document.createElement("summary");
      summary.textContent = legend + (state.facets[param].size ? ` (${state.facets[param].size})` : "");
      const fieldset = document.createElement("fieldset");
      const legendEl = document.createElement("legend");
      legendEl.className = "sk-visually-hidden";
      legendEl.textContent = legend;
      fieldset.append(legendEl);
      vocabulary(key).forEach(([id, name], position) => {
        const value = key === "years" ? Number(id) : position;
        const count = counts.get(value) || 0;
        const checked = state.facets[param].has(value);
        if (count === 0 && !checked && key !== "provinces") return;
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = param;
        box.value = id;
        box.checked = checked;
        box.dataset.facet = param;
        box.addEventListener("change", () => {
          if (box.checked) state.facets[param].add(value);
          else state.facets[param].delete(value);
          update();
        });
        label.append(box, ` ${name} `);
        const number = document.createElement("span");
        number.className = "sk-finder__count";
        number.textContent = `(${count})`;
        label.append(number);
        fieldset.append(label);
      });
      details.append(summary, fieldset);
      facetBox.append(details);
      boxes[param] = fieldset;
    }
  }

  function sorted(found) {
    const names = Object.fromEntries(index.provinces.map(([slug, name], n) => [n, name]));
    const collator = new Intl.Collator("vi");
    if (state.sort === "ten") return [...found].sort((a, b) => collator.compare(a.title, b.title));
    if (state.sort === "tinh")
      return [...found].sort((a, b) =>
        collator.compare(names[a.province], names[b.province]) || collator.compare(a.title, b.title));
    return found; // the data comes newest first
  }

  function drawResults() {
    const found = sorted(rows.filter((row) => matches(row, null)));
    const statuses = index.statuses;
    list.replaceChildren(...found.slice(0, shown).map((row) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = new URL(index.page.replace("{id}", row.id), site).href;
      link.textContent = row.title;
      const meta = document.createElement("p");
      meta.className = "sk-finder__meta";
      meta.textContent = `${row.place} · ${row.started.slice(0, 4)} · ${statuses[row.status][1]}`;
      const summary = document.createElement("p");
      summary.textContent = row.summary;
      item.append(link, meta, summary);
      return item;
    }));
    more.hidden = found.length <= shown;
    const loading = rows.length < index.count ? " (đang tải thêm…)" : "";
    status.textContent = `${found.length} sáng kiến${loading}`;
    root.dataset.count = String(found.length);
  }

  function update(keepPage) {
    if (!keepPage) shown = PAGE;
    writeState(state, index, vocabulary);
    drawFacets();
    drawResults();
  }

  text.value = state.q;
  sort.value = state.sort;
  text.addEventListener("input", () => { state.q = text.value; update(); });
  sort.addEventListener("change", () => { state.sort = sort.value; update(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    state.q = "";
    text.value = "";
    for (const facet of FACETS) state.facets[facet[0]].clear();
    update();
  });
  more.addEventListener("click", () => { shown += PAGE; drawResults(); });

  for (const name of index.chunks) {
    const chunk = await (await fetch(new URL(name, indexUrl))).json();
    for (const row of rowsOf(index, chunk)) {
      rows.push(row);
      years.add(row.year);
    }
    // values named in the address are ids; resolve them once the vocabularies are known
    resolveState(state, index, vocabulary);
    update(true);
  }
  root.dataset.ready = "true";
}

function readState() {
  const params = new URL(location.href).searchParams;
  const facets = {};
  const wanted = {};
  for (const [param] of FACETS) {
    facets[param] = new Set();
    wanted[param] = (params.get(param) || "").split(",").filter(Boolean);
  }
  return { q: params.get("q") || "", sort: params.get("sap-xep") || "moi-nhat", facets, wanted };
}

function resolveState(state, index, vocabulary) {
  for (const [param, , key] of FACETS) {
    for (const id of state.wanted[param]) {
      const value = key === "years" ? Number(id) : vocabulary(key).findIndex(([v]) => v === id);
      if (value >= 0 || key === "years") state.facets[param].add(value);
    }
  }
  for (const [param] of FACETS) state.wanted[param] = [];
}

function writeState(state, index, vocabulary) {
  const url = new URL(location.href);
  for (const [param, , key] of FACETS) {
    const ids = [...state.facets[param]].map((value) =>
      key === "years" ? String(value) : vocabulary(key)[value][0]);
    if (ids.length) url.searchParams.set(param, ids.join(","));
    else url.searchParams.delete(param);
  }
  if (state.q) url.searchParams.set("q", state.q);
  else url.searchParams.delete("q");
  if (state.sort !== "moi-nhat") url.searchParams.set("sap-xep", state.sort);
  else url.searchParams.delete("sap-xep");
  history.replaceState(null, "", url);
}

const root = document.querySelector("[data-finder]");
if (root) start(root);
