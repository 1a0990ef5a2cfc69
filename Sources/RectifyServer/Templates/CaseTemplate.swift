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
    <p class="meta">责令限期整改指令书 {{order}}{{#measures}} · 整改措施：{{measures}}{{/measures}}</p>
    <ul>{{#deadlines}}<li>{{.}}</li>{{/deadlines}}</ul>
    {{#late}}<p class="error">已逾期{{late}}天</p>{{/late}}
    </article>
    {{/hazards}}
    {{#hasPlans}}<h2>检查计划与整改方案</h2>
    <ul class="items">{{#plans}}<li>{{recordedOn}} {{kind}}：{{measures}}{{#details}}（{{details}}）{{/details}}</li>{{/plans}}</ul>{{/hasPlans}}
    {{#hasSelfChecks}}<h2>单位自查自改</h2>
    <ul class="items">{{#selfChecks}}<li>{{checkedOn}} {{checkedBy}}：{{findings}}{{#items}}<br><span class="meta">{{items}}</span>{{/items}}</li>{{/selfChecks}}</ul>{{/hasSelfChecks}}
    {{#hasRechecks}}<h2>复查复核</h2>
    <ul class="items">{{#rechecks}}<li>{{checkedOn}} {{outcome}}（{{officers}}，{{document}}）：{{opinion}}<br><span class="meta">{{findings}}</span></li>{{/rechecks}}</ul>{{/hasRechecks}}
    <h2>执法文书</h2>
    <table class="list"><thead><tr><th>文号</th><th>文种</th><th>日期</th></tr></thead><tbody>
    {{#documents}}<tr><td>{{number}}</td><td>{{kind}}</td><td>{{issuedOn}}</td></tr>{{/documents}}
    </tbody></table>
    {{#hasAttachments}}<h2>附件</h2>
    <ul class="thumbs">{{#attachments}}<li>{{#isImage}}<a href="{{url}}"><img src="{{url}}" alt="{{fileName}}" loading="lazy"></a>{{/isImage}}{{^isImage}}<a href="{{url}}">{{fileName}}</a>{{/isImage}}<br><span class="meta">{{hazard}} · {{attachedOn}}</span></li>{{/attachments}}</ul>{{/hasAttachments}}
    {{#penalty}}<h2>行政处罚</h2><p>{{procedure}}，{{stage}}</p><ul>{{#deadlines}}<li>{{.}}</li>{{/deadlines}}</ul>{{/penalty}}
    <h2>报送前检查</h2>
    {{^findings}}<p class="empty">没有发现问题。</p>{{/findings}}
    <ul>{{#findings}}<li>{{rule}}：{{text}}</li>{{/findings}}</ul>
    <details class="timeline"><summary>办理记录（审计事件）</summary>
    <ol class="timeline">{{#timeline}}<li><span class="meta">{{at}}</span> {{action}} · {{actor}}</li>{{/timeline}}</ol>
    </details>
    {{#hasActs}}<h2>办理</h2>{{/hasActs}}
    {{#acts}}{{> actForm}}{{/acts}}
    """#
}
