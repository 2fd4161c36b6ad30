namespace Actors.Kernel.Modules;

// The bus actor's private protocol; ModuleBus is the public face.
internal sealed record DeliverToModule(string Module, object Message);

internal sealed record DeliverToGroup(string Group, object Message);

internal sealed record SyncToModule(string Module, object Message, string Id, TimeSpan Timeout, TaskCompletionSource<object> Reply);

internal sealed record SyncToGroup(string Group, object Message, string Id, TimeSpan Timeout, TaskCompletionSource<GroupSyncResult> Reply);

internal sealed record RespondToCaller(object Response);

internal sealed record SyncTimedOut(string Id);

internal sealed record RegisterModuleCommand(IModule Module);

// Diagnostics of a module supervisor (tests): how many messages it holds while the module is down.
internal sealed record GetBufferedCount;

internal sealed record BufferedCount(int Count);
