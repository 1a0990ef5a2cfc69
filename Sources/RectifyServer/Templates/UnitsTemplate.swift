enum UnitsTemplate {
    static let text = #"""
    <form class="search" method="get" action="/units">
    <label>名称、地址或信用代码的一部分（三个字以上可在任意位置）<input name="q" value="{{query}}" autofocus></label>
    <button type="submit">查找</button>
    </form>
    {{#nothingFound}}<p class="empty">没有找到单位。</p>{{/nothingFound}}
    {{#anyFound}}
    <table class="list"><thead><tr><th>统一社会信用代码</th><th>单位名称</th><th>类别</th><th>街道</th><th>地址</th></tr></thead><tbody>
    {{#units}}<tr><td><a href="/units/{{uscc}}">{{uscc}}</a></td><td>{{name}}</td><td>{{category}}</td><td>{{street}}</td><td>{{address}}</td></tr>{{/units}}
    </tbody></table>
    {{/anyFound}}
    """#
}

enum UnitTemplate {
    static let text = #"""
    <p>{{category}} · {{street}} · {{grid}} · 行业主管部门 {{department}}</p>
    <p>地址：{{address}}{{#contact}}；负责人 {{contact}}{{/contact}}</p>
    <h2>案件</h2>
    {{> caseTable}}
    {{#openForm}}{{> actForm}}{{/openForm}}
    """#
}
