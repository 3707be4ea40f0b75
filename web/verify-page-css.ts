/** Inline, small and system-font only: nothing to fetch before the verdict is readable. */
export const VERIFY_PAGE_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f2}
.top{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1rem;background:#fff;border-bottom:1px solid #ddd;font-size:.9rem}
.top a{color:#0b5394;padding:.4rem .2rem}main{max-width:40rem;margin:0 auto;padding:1rem}
.banner{display:flex;gap:1rem;align-items:center;padding:1.2rem;border-radius:.6rem;color:#fff}
.banner h1{margin:0;font-size:1.6rem;line-height:1.2}.banner p{margin:.3rem 0 0}
.icon{flex:none;display:grid;place-items:center;width:3.2rem;height:3.2rem;border-radius:50%;background:#fff;font-size:2rem;font-weight:700}
.ok{background:#1e7b34}.ok .icon{color:#1e7b34}.danger{background:#b3261e}.danger .icon{color:#b3261e}
.warning{background:#f2b705;color:#1b1b1b}.warning .icon{color:#8a6300}
.card{background:#fff;border-radius:.6rem;padding:1rem;margin-top:1rem;border:1px solid #e2e2e2}
.card.alert{border:2px solid #b3261e}.card h2{margin:0 0 .5rem;font-size:1.15rem}
.rating{margin:0;font-weight:700;font-size:1.1rem}.stars{color:#c77d00;font-size:1.6rem;letter-spacing:.1rem}.dim{color:#ccc}
dl{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.3rem .8rem;margin:0}dt{color:#555}dd{margin:0}
.note{background:#fff4ce;border-left:4px solid #8a6300;padding:.6rem .8rem;margin:1rem 0 0}.demo{background:#e8f0fe;border-color:#0b5394}
.serial{color:#555;font-size:.85rem;word-break:break-all}footer{text-align:center;color:#666;font-size:.8rem;padding:1.5rem}
#report summary{cursor:pointer}#report summary h2{display:inline}#report label{display:block;margin:.6rem 0 .2rem;font-weight:600}
#report input,#report select,#report textarea{font:inherit;width:100%;padding:.45rem;border:1px solid #888;border-radius:.3rem}
#report button{margin-top:.8rem;font:inherit;padding:.5rem 1rem;border:0;border-radius:.3rem;background:#0b5394;color:#fff}
.err{color:#b3261e;font-weight:600;display:block}:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.card,.top{background:#1d1d1d;border-color:#333}dt,.serial{color:#aaa}.top a{color:#8ab4f8}}
`.trim();
