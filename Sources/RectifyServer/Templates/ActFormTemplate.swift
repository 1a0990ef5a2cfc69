/// Any act's form, folded until opened (or refused: then open, with what was typed and each refusal at its field). A
/// case's act carries the case's version, so a form based on an older state is refused rather than applied.
enum ActFormTemplate {
    static let text = #"""
    <details class="act"{{#open}} open{{/open}} id="act-{{act}}"><summary>{{title}}</summary>
    <form class="card wide" method="post" action="{{action}}#act-{{act}}"{{#multipart}} enctype="multipart/form-data"{{/multipart}}>
    <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
    {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
    {{{fieldsHTML}}}
    <button type="submit">{{submit}}</button>
    </form></details>
    """#
}
