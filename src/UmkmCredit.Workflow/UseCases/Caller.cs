using Microsoft.DurableTask.Client;

namespace UmkmCredit.Workflow.UseCases;

/// <summary>
/// Who is asking, as far as the commands need to know: the engine client of this request (from
/// <c>[DurableClient]</c> in Functions, from DI in the server) and the evidence kept in the audit trail.
/// </summary>
/// <param name="Durable">The durable engine's client.</param>
/// <param name="Ip">The client's address, for evidence.</param>
/// <param name="UserAgent">The client's user agent (truncated), for evidence.</param>
public sealed record Caller(DurableTaskClient Durable, string? Ip, string? UserAgent);
