/// 报送接收: the upload of a filing (for the superior), what became of each file with the receipt, and the filings
/// received.
enum FilingsTemplate {
    static let text = #"""
    {{#refusal}}<p class="error" role="alert">{{refusal}}</p>{{/refusal}}
    {{#receipt}}<p>接收回执（已签名）：<a href="/filings/receipts/{{receipt}}">{{receipt}}</a></p>{{/receipt}}
    <table class="list">{{#outcomes}}<tr{{#refused}} class="late"{{/refused}}><td>{{file}}</td><td>{{result}}</td><td>{{caseNumber}}</td><td>{{problems}}</td></tr>{{/outcomes}}</table>
    {{#mayImport}}
    <form class="card wide" method="post" action="/filings" enctype="multipart/form-data">
    <h2>接收报送</h2>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{#signingMissing}}<p class="error">未配置回执签名密钥：启动时用 --key 与 --cert 指定后才能接收。</p>{{/signingMissing}}
    <label>报送文件（manifest.xml 及其所列案卷，可多选）<input type="file" name="files" accept=".xml,application/xml" multiple required></label>
    <button type="submit">核验并导入</button>
    </form>
    {{/mayImport}}
    <h2>已接收的案卷</h2>
    {{^filings}}<p class="empty">尚未接收报送。</p>{{/filings}}
    <table class="list"><thead><tr><th>案件</th><th>报送机关</th><th>形成时间</th><th>接收时间</th><th>文件</th></tr></thead><tbody>
    {{#filings}}<tr><td>{{caseNumber}}{{^current}}（旧版本）{{/current}}</td><td>{{agency}}</td><td>{{formedAt}}</td><td>{{receivedAt}}</td><td>{{fileName}}</td></tr>{{/filings}}
    </tbody></table>
    """#
}
