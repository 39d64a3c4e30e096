using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The server reads at most <see cref="RequestSizeLimits.ReadAheadBytes"/> of a request ahead of the app on
/// every connection. Kestrel's own limit alone does not hold it on a plain HTTP connection: the socket
/// transport has a buffer of its own (1 MB by default), which the submit load's 50 uploads filled with
/// pinned memory (docs/PERFORMANCE.md). InterruptedUploadTests send a 10 MB upload through it.
/// </summary>
public class ReadAheadTests
{
    [Fact]
    public void The_socket_transport_and_kestrel_both_read_ahead_at_most_the_small_limit()
    {
        using var app = new RecruitAppFactory();

        var transport = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(RequestSizeLimits.ReadAheadBytes, transport.MaxReadBufferSize);
        Assert.Equal(RequestSizeLimits.ReadAheadBytes, kestrel.Limits.MaxRequestBufferSize);
    }
}
