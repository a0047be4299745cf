using System.Net.Sockets;
using Azure;

namespace UmkmCredit.Api.Http;

/// <summary>Tells an outage of storage or the durable engine from a bug, so the answer is 503 + Retry-After, not 500.</summary>
public static class Outages
{
    /// <summary>Seconds a client should wait before retrying after an outage.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when <paramref name="exception"/> (or an inner one) means storage or the engine did not answer.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RequestFailedException rf when rf.Status == 0 || rf.Status >= 500:
                case HttpRequestException:
                case SocketException:
                case TimeoutException:
                    return true;
            }

            // The engine client's gRPC failures (the sidecar or the Durable host not answering); named by type so that
            // the Api needs no gRPC package of its own.
            if (e.GetType().FullName == "Grpc.Core.RpcException")
            {
                return true;
            }
        }

        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage);
    }
}
