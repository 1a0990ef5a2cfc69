enum CaseTemplate {
    static let text = #"""
    <p class="meta">{{state}} · {{campaignTitle}} · 立档 {{openedOn}}{{#closedOn}} · 结档 {{closedOn}}{{/closedOn}}</p>
    <p>单位：{{unitName}}（{{uscc}}）{{address}}</p>
    <p>执法人员：{{officers}}</p>
    <h2>隐患</h2>
    {{^hazards}}<p class="empty">没有登记隐患。</p>{{/hazards}}
    {{#hazards}}
    <article class="hazard{{#late}} late{{/late}}">
    <h3>{{reference}} {{level}} · {{status}}</h3>
    <p>{{description}}</p>
    <ul>{{#deadlines}}<li>{{.}}</li>{{/deadlines}}</ul>
    {{#late}}<p class="error">已逾期{{late}}天</p>{{/late}}
    </article>
    {{/hazards}}
    {{#hazardForm}}{{> hazardForm}}{{/hazardForm}}
    <h2>执法文书</h2>
    <table class="list"><thead><tr><th>文号</th><th>文种</th><th>日期</th></tr></thead><tbody>
    {{#documents}}<tr><td>{{number}}</td><td>{{kind}}</td><td>{{issuedOn}}</td></tr>{{/documents}}
    </tbody></table>
    {{#penalty}}<h2>行政处罚</h2><p>{{procedure}}，{{stage}}</p><ul>{{#deadlines}}<li>{{.}}</li>{{/deadlines}}</ul>{{/penalty}}
    <h2>报送前检查</h2>
    {{^findings}}<p class="empty">没有发现问题。</p>{{/findings}}
    <ul>{{#findings}}<li>{{rule}}：{{text}}</li>{{/findings}}</ul>
    """#
}
