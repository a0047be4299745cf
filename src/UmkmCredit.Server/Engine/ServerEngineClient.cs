using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Engine;

/// <summary>The server's one engine client, for activities that start or wake another orchestration (resolved on first use).</summary>
public sealed class ServerEngineClient(IServiceProvider services) : IEngineClientSource
{
    /// <inheritdoc />
    public DurableTaskClient Client => services.GetRequiredService<DurableTaskClient>();
}
