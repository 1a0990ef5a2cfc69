/// 案件: the filter (campaign, state, street and grid, officer, overdue), one page of the list, and the pager; the
/// filter is a plain GET form, so a filtered page can be bookmarked or sent.
enum CaseListTemplate {
    static let text = #"""
    <form class="search filters" method="get" action="/cases">
    <label>专项整治<select name="campaign"><option value="">全部</option>{{#campaigns}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/campaigns}}</select></label>
    <label>状态<select name="state"><option value="">全部</option>{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
    <label>街道<select name="street"><option value="">全部</option>{{#streets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/streets}}</select></label>
    <label>网格<select name="grid"><option value="">全部</option>{{#grids}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/grids}}</select></label>
    {{#mayFilterOfficer}}<label>执法人员（执法证号）<input name="officer" value="{{officer}}"></label>{{/mayFilterOfficer}}
    <label class="check"><input type="checkbox" name="overdue" value="1"{{#overdue}} checked{{/overdue}}>只看有逾期隐患的</label>
    <button type="submit">筛选</button>
    </form>
    {{#refusal}}<p class="error" role="alert">{{refusal}}</p>{{/refusal}}
    <p class="meta">共 {{total}} 件{{#pageCount}}，第 {{page}}/{{pageCount}} 页{{/pageCount}}</p>
    {{> caseTable}}
    <nav class="pager">{{#previous}}<a href="{{previous}}">上一页</a>{{/previous}} {{#next}}<a href="{{next}}">下一页</a>{{/next}}</nav>
    """#
}
