/**
 * The dashboard's only static files, served by the Worker itself (no CDN, no fonts, no build step):
 * the stylesheet and one small script (live job progress). CSP allows nothing inline.
 */

export const STYLES = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0a58ca;--ok:#116329;--warn:#7d4e00;--bad:#a40e26;--info:#0550ae;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}body{margin:0;line-height:1.45}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
header{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:10px 16px;border-bottom:1px solid var(--line);background:var(--panel)}
header .brand{font-weight:700;margin-right:8px}header nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0;padding:0}
header nav a[aria-current=page]{font-weight:700;text-decoration:none;color:var(--fg)}header form{margin-left:auto}
main{padding:16px;max-width:1200px;margin:0 auto}h1{font-size:1.5rem;margin:.2em 0 .6em}h2{font-size:1.15rem;margin:1.2em 0 .5em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;background:#fff}.card h2{margin-top:0;font-size:1rem}
.big{font-size:1.8rem;font-weight:700}.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.chip{display:inline-block;border-radius:999px;padding:1px 8px;font-size:.8rem;border:1px solid currentColor;white-space:nowrap}
.chip.done,.chip.completed,.chip.succeeded,.chip.enabled{color:var(--ok)}.chip.error,.chip.failed,.chip.disabled{color:var(--bad)}
.chip.partial,.chip.retrying{color:var(--warn)}.chip.pending,.chip.processing,.chip.delivering{color:var(--info)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px;list-style:none;padding:0}
.grid li{border:1px solid var(--line);border-radius:8px;padding:8px}
.thumb{width:100%;aspect-ratio:1;object-fit:contain;background:var(--panel);border-radius:4px;display:block}
.noimg{display:flex;align-items:center;justify-content:center;width:100%;aspect-ratio:1;background:var(--panel);color:var(--muted);border-radius:4px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:end;margin-bottom:12px}
label{display:flex;flex-direction:column;font-size:.85rem;gap:2px}
input,select,button{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--fg)}
button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}button.secondary{background:#fff;color:var(--accent)}
.inline{display:inline}.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
.notice{border-left:4px solid var(--info);background:var(--panel);padding:8px 12px;margin:8px 0}.notice.bad{border-color:var(--bad)}
.pager{display:flex;gap:12px;margin:12px 0}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);padding:6px;border-radius:4px;font-size:.82rem;max-height:12em;overflow:auto;margin:0}
progress{width:100%;height:1.2em}
svg text{font-size:11px;fill:var(--fg)}svg.chart{width:100%;max-width:420px;height:auto;display:block}
.login{max-width:420px;margin:10vh auto;border:1px solid var(--line);border-radius:8px;padding:20px}
.login form{display:flex;flex-direction:column;gap:12px}
@media (max-width:600px){main{padding:10px}header nav ul{gap:4px 10px}.big{font-size:1.4rem}}
`;

/**
 * Live progress for a job page: polls the JSON the page names (data-progress) every second and
 * updates the marked elements; when the job ends it reloads once, so the error list is shown.
 */
export const LIVE_SCRIPT = `
(function(){
  var root=document.querySelector('[data-progress]');if(!root)return;
  var url=root.getAttribute('data-progress');
  function set(name,value){var el=root.querySelector('[data-field="'+name+'"]');if(el)el.textContent=String(value);}
  function tick(){
    fetch(url,{credentials:'same-origin',headers:{accept:'application/json'}}).then(function(r){return r.ok?r.json():null;}).then(function(p){
      if(!p)return setTimeout(tick,3000);
      set('status',p.status);var chip=root.querySelector('[data-field="status"]');if(chip)chip.className='chip '+p.status;
      Object.keys(p.counts).forEach(function(k){set(k,p.counts[k]);});
      var bar=root.querySelector('progress');if(bar&&p.progress!==null){bar.value=p.progress;set('percent',Math.round(p.progress*100)+'%');}
      if(p.finished){root.setAttribute('data-finished','true');location.reload();}else setTimeout(tick,1000);
    }).catch(function(){setTimeout(tick,3000);});
  }
  if(root.getAttribute('data-finished')!=='true')setTimeout(tick,1000);
})();
`;
