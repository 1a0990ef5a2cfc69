enum CampaignsTemplate {
    static let text = #"""
    <table class="list"><thead><tr><th>代号</th><th>专项整治</th><th>类别</th><th>期限</th><th>案件</th></tr></thead><tbody>
    {{#campaigns}}<tr><td><a href="/campaigns/{{code}}">{{code}}</a></td><td>{{title}}</td><td>{{kind}}</td><td>{{period}}</td><td>{{cases}}</td></tr>{{/campaigns}}
    </tbody></table>
    """#
}

/// One campaign's page as of a chosen date: the totals, the targets with their attainment, the charts (each SVG with
/// its own title and description; the tables below hold the same numbers), and a table by a dimension, sorted by the
/// column clicked.
enum CampaignTemplate {
    static let text = #"""
    <form class="search" method="get" action="/campaigns/{{code}}">
    <label>截至<input name="asOf" value="{{asOfValue}}" placeholder="2026-09-30"></label>
    <label>按<select name="by">{{#dimensions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/dimensions}}</select></label>
    <button type="submit">查看</button>
    </form>
    {{#refusal}}<p class="error" role="alert">{{refusal}}</p>{{/refusal}}
    <p class="meta">{{code}} · {{period}} · 截至{{asOf}}</p>
    <h2>总体进展</h2>
    <dl class="figures">{{#totals}}<div><dt>{{header}}</dt><dd>{{value}}</dd></div>{{/totals}}</dl>
    {{#hasTargets}}<h2>阶段目标</h2>
    <table class="list"><thead><tr><th>范围</th><th>指标</th><th>目标</th><th>期限</th><th>完成</th><th>完成度</th><th>状态</th></tr></thead><tbody>
    {{#targets}}<tr><td>{{scope}}</td><td>{{metric}}</td><td>{{amount}}</td><td>{{dueOn}}</td><td>{{reached}}</td><td>{{attainment}}</td><td>{{status}}</td></tr>{{/targets}}
    </tbody></table>{{/hasTargets}}
    <h2>图表</h2>
    <div class="charts">{{#charts}}<figure><figcaption>{{title}}</figcaption>{{{svg}}}</figure>{{/charts}}</div>
    <h2>分项进展</h2>
    <p>下载：<a href="/campaigns/{{code}}/progress.csv?{{downloadQuery}}">CSV</a> · <a href="/campaigns/{{code}}/progress.xlsx?{{downloadQuery}}">Excel</a></p>
    <div class="scroll"><table class="list"><thead><tr>{{#headers}}<th><a href="{{link}}">{{label}}</a>{{#sorted}} ▼{{/sorted}}</th>{{/headers}}</tr></thead><tbody>
    {{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
    </tbody></table></div>
    """#
}
