/// The one stylesheet (served from the binary: no inline style, which the content security policy forbids).
enum Stylesheet {
    static let text = """
    body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
    .bar{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.6em 1em;background:#8b1a1a;color:#fff}
    .bar a{color:#fff;text-decoration:none;margin-right:1em}.brand{font-weight:bold}
    .signout{margin-left:auto}.signout button{margin-left:.5em}
    main{padding:1em;max-width:72em;margin:auto}
    table.list{border-collapse:collapse;width:100%;background:#fff}
    table.list th,table.list td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left}
    .card{display:grid;gap:.8em;max-width:24em;background:#fff;padding:1.2em;border-radius:6px}
    .card input,.card select,.card textarea{width:100%;padding:.4em;font-size:1em;box-sizing:border-box}
    .card.wide{max-width:40em;margin:1em 0}
    .error{color:#b00020}.empty{color:#666}.late{border-left:4px solid #b00020;padding-left:.5em}
    ul.items{list-style:none;padding-left:0}ul.items li{margin:.3em 0;background:#fff;padding:.3em .6em}
    form.search{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin-bottom:1em}form.search input{padding:.4em;font-size:1em;min-width:16em}
    details.act{background:#fff;margin:.5em 0;border-radius:6px;padding:.4em .8em}details.act summary{cursor:pointer;font-weight:bold;padding:.3em 0}
    details.act .card{margin:.4em 0;padding:0}.field label{display:grid;gap:.25em}.field.invalid input,.field.invalid textarea,.field.invalid select{border:2px solid #b00020}
    label.check{display:flex!important;align-items:center;gap:.5em}label.check input{width:auto}.meta{color:#555;font-size:.92em}
    dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(9em,1fr));gap:.5em}dl.figures div{background:#fff;padding:.4em .6em;border-radius:4px}
    dl.figures dt{color:#555;font-size:.9em}dl.figures dd{margin:0;font-size:1.3em;font-weight:bold}.scroll{overflow-x:auto}
    details.timeline{margin:1em 0}ol.timeline{background:#fff;padding:.6em 2em;border-radius:4px}ol.timeline li{margin:.2em 0}
    form.filters select{padding:.35em;font-size:1em}nav.pager{margin:1em 0;display:flex;gap:1.5em}
    ul.thumbs{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.8em}ul.thumbs li{background:#fff;padding:.4em;border-radius:4px;max-width:12em;overflow-wrap:anywhere}
    ul.thumbs img{max-width:11em;max-height:9em;display:block}
    .charts{display:flex;flex-wrap:wrap;gap:1em}.charts figure{margin:0;background:#fff;padding:.5em;border-radius:4px;max-width:100%;overflow-x:auto}
    svg.chart{max-width:100%;height:auto;font-family:inherit}
    article.hazard{background:#fff;padding:.6em 1em;margin:.6em 0;border-radius:4px}
    @media (max-width:40em){table.list thead{display:none}table.list td{display:block;border:0}table.list tr{display:block;border-bottom:1px solid #ddd}}
    @media print{.bar nav,.signout{display:none}body{background:#fff}}
    """
}
