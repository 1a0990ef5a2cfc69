/// Any act's form, folded until opened (or refused: then open, with what was typed and each refusal at its field). A
/// case's act carries the case's version, so a form based on an older state is refused rather than applied.
enum ActFormTemplate {
    static let text = #"""
    <details class="act"{{#open}} open{{/open}} id="act-{{act}}"><summary>{{title}}</summary>
    <form class="card wide" method="post" action="{{action}}#act-{{act}}"{{#multipart}} enctype="multipart/form-data"{{/multipart}}>
    <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
    {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
    {{#fields}}
    <div class="field{{#hasError}} invalid{{/hasError}}">{{#isText}}<label>{{label}}<input name="{{name}}" value="{{value}}"{{#required}} required{{/required}} placeholder="{{placeholder}}"></label>{{/isText}}{{#isTextarea}}<label>{{label}}<textarea name="{{name}}"{{#required}} required{{/required}}>{{value}}</textarea></label>{{/isTextarea}}{{#isSelect}}<label>{{label}}<select name="{{name}}">{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select></label>{{/isSelect}}{{#isFile}}<label>{{label}}<input type="file" name="{{name}}" accept="{{accept}}"{{#required}} required{{/required}}></label>{{/isFile}}{{#isCheckbox}}<label class="check"><input type="checkbox" name="{{name}}" value="1"{{#checked}} checked{{/checked}}>{{label}}</label>{{/isCheckbox}}{{#hasError}}<p class="error">{{error}}</p>{{/hasError}}</div>
    {{/fields}}
    <button type="submit">{{submit}}</button>
    </form></details>
    """#
}
