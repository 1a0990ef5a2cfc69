/// 登记隐患 on the case page: every field keeps what was typed, and a refusal stands at the field it concerns (or
/// above the form when it concerns the act as a whole).
enum HazardFormTemplate {
    static let text = #"""
    <form class="card wide" method="post" action="/cases/{{number}}/hazards">
    <h2>登记隐患</h2>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
    <label>检查要点<select name="item">{{#items}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} {{text}}</option>{{/items}}</select></label>
    <label>隐患描述<textarea name="description" required>{{description}}</textarea></label>
    {{#descriptionError}}<p class="error">{{descriptionError}}</p>{{/descriptionError}}
    <label>整改期限<input name="deadline" value="{{deadline}}" placeholder="2026-12-31 或 2026年12月31日" required></label>
    {{#deadlineError}}<p class="error">{{deadlineError}}</p>{{/deadlineError}}
    <button type="submit">登记并出具责令限期整改指令书</button>
    </form>
    """#
}
