enum WorkbenchTemplate {
    static let text = #"""
    <section>
    <h2>三个工作日内到期（{{dueSoonCount}}）</h2>
    {{^dueSoon}}<p class="empty">没有即将到期的事项。</p>{{/dueSoon}}
    <ul class="items">{{#dueSoon}}<li><a href="/cases/{{number}}">{{number}}</a> {{unit}}：整改期限 {{deadline}}</li>{{/dueSoon}}</ul>
    </section>
    <section>
    <h2>已逾期（{{overdueCount}}）</h2>
    {{^overdue}}<p class="empty">没有逾期事项。</p>{{/overdue}}
    <ul class="items">{{#overdue}}<li class="late"><a href="/cases/{{caseNumber}}">{{reference}}</a> {{what}}，逾期{{days}}天：{{explanation}}</li>{{/overdue}}</ul>
    {{#overdueMore}}<p class="empty">另有{{overdueMore}}项逾期未列出（逾期最久的在前）。</p>{{/overdueMore}}
    </section>
    <section>
    <h2>待复查（{{awaitingRecheckCount}}）</h2>
    {{^awaitingRecheck}}<p class="empty">没有等待复查的案件。</p>{{/awaitingRecheck}}
    <ul class="items">{{#awaitingRecheck}}<li><a href="/cases/{{number}}">{{number}}</a> {{unit}}：单位已报整改{{claimed}}项，待复查</li>{{/awaitingRecheck}}</ul>
    </section>
    <section>
    <h2>我的案件（{{caseCount}}）</h2>
    {{> caseTable}}
    {{#casesMore}}<p><a href="/cases">全部{{caseCount}}件案件</a></p>{{/casesMore}}
    </section>
    """#
}
