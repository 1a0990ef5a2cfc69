enum MessageTemplate {
    static let text = #"""
    <p class="error" role="alert">{{message}}</p>
    <p>{{english}}</p>
    <p><a href="/">返回工作台</a></p>
    """#
}
