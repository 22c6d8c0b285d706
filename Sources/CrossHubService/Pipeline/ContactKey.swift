/// A contact in the state of one partition number.
struct ContactKey: Hashable, Sendable {
    var partition: Int32
    var contactID: String
}
