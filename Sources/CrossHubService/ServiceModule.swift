/// The crosshub runtime: pipeline, state store, delivery guarantees, operations.
public enum CrossHubService {}
