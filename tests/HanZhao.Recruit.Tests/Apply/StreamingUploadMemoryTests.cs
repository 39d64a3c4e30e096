using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Apply;

/// <summary>Runs alone: it counts every byte the process allocates, which other tests running at the same time would add to.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCounting
{
    public const string Name = "Counts the process's allocations";
}

/// <summary>
/// An upload streams from the request into the database (issue 17): a 9 MB PDF is taken in,
/// checked (size, PDF markers, SHA-256, the PDF reader) and stored while the whole process allocates
/// far less than the file's size, so no whole copy of it is made in managed memory. Bounded by bytes,
/// not timed.
/// </summary>
[Collection(AllocationCounting.Name)]
public class StreamingUploadMemoryTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    private const int FileBytes = 9 * 1024 * 1024;

    [Fact]
    public async Task A_9_MB_upload_is_stored_while_the_process_allocates_less_than_a_third_of_its_size()
    {
        using var client = await app.SignedInApplicantAsync($"memory-{Guid.NewGuid():N}@example.edu");
        var id = await client.StartAsync();
        var token = await client.GetAntiforgeryTokenAsync($"/apply/{id}/documents");
        // Once small first, so what the first upload sets up (compiled code, caches, pools) is not counted.
        using (var warmUp = await client.UploadAsync(id, "Other", ApplicationFormSteps.Pdf(200_000), "warm-up.pdf", antiforgeryToken: token))
        {
            Assert.Equal(HttpStatusCode.Redirect, warmUp.StatusCode);
        }

        var pdf = ApplicationFormSteps.Pdf(FileBytes);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using (var upload = await client.UploadAsync(id, "Cv", pdf, "large.pdf", antiforgeryToken: token))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < FileBytes / 3, $"The upload of {FileBytes:N0} bytes allocated {allocated:N0} bytes.");
        await using var db = app.CreateDbContext();
        var stored = await db.ApplicationDocuments.Where(d => d.ApplicationId == id && d.FileName == "large.pdf")
            .Select(d => d.Content!.Bytes).SingleAsync();
        Assert.Equal(pdf, stored);
    }
}
