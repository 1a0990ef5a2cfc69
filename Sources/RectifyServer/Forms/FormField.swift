/// One field of an act's form: what it asks for, how it is typed, and which refusals stand at it.
struct FormField {
    enum Kind {
        case text(placeholder: String?)
        case date
        case textarea
        case select([FormChoice])
        case checkbox
        /// A file chosen from the device (a phone offers its camera), of the types `accept` lists.
        case file(accept: String)
    }

    var name: String
    /// The label shown, also the Chinese field name a `ValidationError` carries for this field.
    var label: String
    var kind: Kind
    var required = false
    /// Rules whose refusal concerns this field, shown at it rather than above the form.
    var rules: [String] = []

    static func text(_ name: String, _ label: String, required: Bool = false, placeholder: String? = nil,
                     rules: [String] = []) -> FormField {
        FormField(name: name, label: label, kind: .text(placeholder: placeholder), required: required, rules: rules)
    }

    static func date(_ name: String, _ label: String, required: Bool = false, rules: [String] = []) -> FormField {
        FormField(name: name, label: label, kind: .date, required: required, rules: rules)
    }

    static func textarea(_ name: String, _ label: String, required: Bool = false, rules: [String] = []) -> FormField {
        FormField(name: name, label: label, kind: .textarea, required: required, rules: rules)
    }

    static func select(_ name: String, _ label: String, _ choices: [FormChoice], rules: [String] = []) -> FormField {
        FormField(name: name, label: label, kind: .select(choices), rules: rules)
    }

    static func file(_ name: String, _ label: String, accept: String) -> FormField {
        FormField(name: name, label: label, kind: .file(accept: accept), required: true)
    }

    static func checkbox(_ name: String, _ label: String) -> FormField {
        FormField(name: name, label: label, kind: .checkbox)
    }
}

/// One option of a select: the value submitted and the label shown.
struct FormChoice {
    var value: String
    var label: String
}
