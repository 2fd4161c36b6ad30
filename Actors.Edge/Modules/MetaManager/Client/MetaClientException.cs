namespace Actors.Edge.Modules.MetaManager.Client;

/// <summary>MetaManager answered a <see cref="MetaClient"/> request with an error (text from the error envelope).</summary>
public sealed class MetaClientException(string message) : Exception(message);
