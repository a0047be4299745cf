using Microsoft.DurableTask.Client;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Functions.Workflow;

/// <summary>The engine client bound to the current activity invocation (<c>[DurableClient]</c>), per invocation scope.</summary>
public sealed class FunctionsEngineClient : IEngineClientSource
{
    private DurableTaskClient? _client;

    /// <inheritdoc />
    public DurableTaskClient Client => _client ?? throw new InvalidOperationException("No engine client is bound to this invocation (the activity wrapper binds [DurableClient]).");

    /// <summary>Binds the invocation's client.</summary>
    public void Bind(DurableTaskClient? client) => _client = client;
}
