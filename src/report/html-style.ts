/** The report's style sheet, inlined. System fonts only: the page loads nothing. */
export const STYLE = `
:root { --ink:#1d232a; --muted:#5f6b76; --line:#d9dee3; --bg:#fbfbf9; --panel:#fff;
  --battle:#c0392b; --explosion:#e67e22; --civilians:#8e44ad; --protest:#2980b9; --riot:#16a085; --strategic:#7f8c8d; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color:var(--ink); background:var(--bg); }
header { padding:16px 24px 8px; border-bottom:1px solid var(--line); background:var(--panel); }
header h1 { margin:0 0 4px; font-size:22px; }
.meta { color:var(--muted); margin:0 0 8px; }
nav a { margin-right:14px; color:var(--protest); text-decoration:none; font-size:14px; }
.layout { display:grid; grid-template-columns:minmax(0,1fr) 340px; gap:20px; padding:16px 24px; }
main section { background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:12px 16px; margin-bottom:16px; }
h2 { font-size:17px; margin:0 0 10px; }
h3 { font-size:15px; margin:12px 0 6px; }
svg.map, svg.timeline { width:100%; height:auto; display:block; }
.sea { fill:#e8f0f6; }
.country { fill:#f3f1ea; stroke:#a9a59a; stroke-width:0.6; }
.place { fill:#5f6b76; }
.label { font-size:11px; fill:#333; paint-order:stroke; stroke:#fff; stroke-width:3px; }
.ev { cursor:pointer; stroke:#fff; stroke-width:1; opacity:0.85; }
.ev:hover, .ev:focus, .ev.sel { stroke:#000; stroke-width:2; opacity:1; outline:none; }
.ev.area { fill:none; stroke:#333; stroke-width:2; stroke-dasharray:4 3; }
circle.ev.area.t-battle { stroke:var(--battle); } circle.ev.area.t-explosion { stroke:var(--explosion); } circle.ev.area.t-civilians { stroke:var(--civilians); }
circle.ev.area.t-protest { stroke:var(--protest); } circle.ev.area.t-riot { stroke:var(--riot); } circle.ev.area.t-strategic { stroke:var(--strategic); }
circle.t-battle, rect.t-battle { fill:var(--battle); } circle.t-explosion, rect.t-explosion { fill:var(--explosion); }
circle.t-civilians, rect.t-civilians { fill:var(--civilians); } circle.t-protest, rect.t-protest { fill:var(--protest); }
circle.t-riot, rect.t-riot { fill:var(--riot); } circle.t-strategic, rect.t-strategic { fill:var(--strategic); }
.axis line { stroke:#e3e6e9; } .axis text, text.axis { font-size:10px; fill:var(--muted); }
.row-label { font-size:11px; fill:var(--ink); }
.legend { font-size:12px; color:var(--muted); margin-top:6px; }
.legend span { display:inline-block; margin-right:12px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:50%; margin-right:4px; vertical-align:-1px; }
.legend .t-battle { background:var(--battle); } .legend .t-explosion { background:var(--explosion); } .legend .t-civilians { background:var(--civilians); }
.legend .t-protest { background:var(--protest); } .legend .t-riot { background:var(--riot); } .legend .t-strategic { background:var(--strategic); }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; vertical-align:top; border-bottom:1px solid var(--line); padding:5px 6px; }
th { color:var(--muted); font-weight:600; }
tr.sel td { background:#fff7d6; }
[data-src] { cursor:pointer; }
.fact { border-bottom:1px dotted var(--muted); }
.fact:hover, .fact:focus { background:#fff7d6; outline:none; }
.badge { display:inline-block; font-size:11px; padding:0 6px; border-radius:9px; background:#eef1f4; color:var(--muted); margin-left:4px; }
.badge.contested, .badge.disputed, .badge.denied { background:#fde2e0; color:#a12b1f; }
.badge.unverified { background:#fff1d6; color:#8a5a00; }
.badge.reviewed { background:#e0f3e5; color:#1b5e2c; }
.latest li { margin-bottom:6px; }
.muted { color:var(--muted); }
aside#source-panel { position:sticky; top:12px; align-self:start; background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:12px 14px; max-height:calc(100vh - 24px); overflow:auto; }
aside h2 { display:flex; justify-content:space-between; align-items:center; }
#pin { font-size:12px; border:1px solid var(--line); background:#f4f6f8; border-radius:4px; cursor:pointer; }
.src { border-top:1px solid var(--line); padding-top:8px; margin-top:8px; }
.src-meta, .src-title { margin:0 0 4px; font-size:13px; }
.src-title { color:var(--muted); }
.src-sentence { margin:6px 0; padding-left:10px; border-left:3px solid var(--line); }
mark { background:#ffe58a; }
@media (max-width: 900px) { .layout { grid-template-columns:1fr; } aside#source-panel { position:static; max-height:none; } }
@media print { aside#source-panel, nav { display:none; } .layout { display:block; } }
`;
