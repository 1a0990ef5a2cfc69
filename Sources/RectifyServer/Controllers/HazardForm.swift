/// What an officer typed into 登记隐患, and the refusals to show at its fields.
struct HazardForm {
    var item = ""
    var description = ""
    var deadline = ""
    var formError: String?
    var descriptionError: String?
    var deadlineError: String?
}
