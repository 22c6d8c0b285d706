/// An error that stops the pipeline, with the reason for the log and the exit status.
struct PipelineError: Error, CustomStringConvertible {
    var description: String
}
