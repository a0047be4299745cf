using UmkmCredit.Domain.Applications;
using UmkmCredit.Infrastructure.Storage;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Server.Tests.Intake;

/// <summary>Application references handed out from per-process blocks of the regency/year counter.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class ReferenceAllocationTests(DefaultServerFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task Two_processes_allocating_concurrently_never_share_a_reference_and_a_retry_gets_its_first_one()
    {
        var year = 2080 + Random.Shared.Next(0, 9);
        var first = Server.Get<IApplicationReferences>();
        var second = new TableApplicationReferences(Server.Get<StorageClients>()); // another process on the same storage
        var ids = Enumerable.Range(0, 60).Select(i => $"ref{year}{i:D3}").ToArray();

        var allocated = await Task.WhenAll(ids.Select((id, i) => (i % 2 == 0 ? first : second).AllocateAsync(id, "6571", year)));
        var retried = await Task.WhenAll(ids.Take(10).Select((id, i) => (i % 2 == 0 ? second : first).AllocateAsync(id, "6571", year)));

        Assert.Equal(ids.Length, allocated.Distinct(StringComparer.Ordinal).Count());
        Assert.All(allocated, r => Assert.True(ApplicationReference.TryParse(r, out var regency, out var y, out var seq) && regency == "6571" && y == year && seq > 0));
        Assert.Equal(allocated.Take(10), retried);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], await first.FindAsync(allocated[i]));
        }
    }
}
