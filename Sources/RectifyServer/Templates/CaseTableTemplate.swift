enum CaseTableTemplate {
    static let text = #"""
    <table class="list">
    <thead><tr><th>案件</th><th>单位</th><th>街道</th><th>状态</th><th>立档</th><th>隐患</th><th>未销号</th><th>逾期</th><th>最近期限</th></tr></thead>
    <tbody>
    {{#cases}}<tr><td><a href="/cases/{{number}}">{{number}}</a></td><td>{{unit}}</td><td>{{street}}</td><td>{{state}}</td><td>{{openedOn}}</td><td>{{hazards}}</td><td>{{openHazards}}</td><td>{{overdueHazards}}</td><td>{{nextDeadline}}</td></tr>{{/cases}}
    </tbody>
    </table>
    {{^cases}}<p class="empty">没有案件。</p>{{/cases}}
    """#
}
