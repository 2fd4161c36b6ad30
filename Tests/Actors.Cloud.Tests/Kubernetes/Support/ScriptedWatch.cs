using System.Text;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>One open watch response; the test writes lines into it and ends it.</summary>
internal sealed class ScriptedWatch(RecordedRequest request, HttpResponse response)
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordedRequest Request => request;

    public Task Ended => _ended.Task;

    /// <summary>Writes one event line ("{...}\n") and flushes it.</summary>
    public Task SendAsync(string type, string objectJson) => SendRawAsync($"{{\"type\":\"{type}\",\"object\":{objectJson}}}\n");

    public async Task SendRawAsync(string text)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
        await response.Body.FlushAsync();
    }

    /// <summary>Ends the response normally (what the server does at timeoutSeconds, or a dropped connection).</summary>
    public void End() => _ended.TrySetResult();
}
