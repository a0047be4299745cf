using Microsoft.DurableTask.Client;

namespace UmkmCredit.Workflow.Ports;

/// <summary>
/// The engine client an activity uses to start or wake another orchestration (webhook delivery, the applications of a
/// bulk import). The standalone server hands its one client from DI; the Functions app binds the <c>[DurableClient]</c>
/// of the activity's invocation.
/// </summary>
public interface IEngineClientSource
{
    /// <summary>The client.</summary>
    DurableTaskClient Client { get; }
}
