using System.Net;
using System.Net.Sockets;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>
/// Uploads that never arrive whole: the client goes away mid-body, or sends a body that is not
/// valid multipart. Sent over a raw socket to the app's real Kestrel, since HttpClient will not
/// send half a request. Each time the application keeps the CV it had, no document or content row
/// appears, the request buffers are gone, and the app serves the next request.
/// </summary>
public sealed class InterruptedUploadTests : IAsyncLifetime
{
    private const string Boundary = "----reliability-boundary";
    private static readonly TimeSpan Bounded = Patience.Limit;
    private ProcessSite _site = null!;
    private HttpClient _browser = null!;
    private int _id;
    private byte[] _cv = [];

    public async Task InitializeAsync()
    {
        _site = await ProcessSite.StartAsync(new SmtpTestServer());
        _browser = await _site.SignedInBrowserAsync("uploader@example.edu");
        _id = await _browser.StartAsync(_site.IntakeCode);
        _cv = ApplicationFormSteps.Pdf(50_000);
        using var upload = await _browser.UploadAsync(_id, "Cv", _cv, "cv.pdf");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_client_that_disconnects_halfway_through_an_upload_leaves_nothing_stored()
    {
        var body = await UploadBodyAsync(ApplicationFormSteps.Pdf(2_000_000));
        await SendAndAbortAsync(Head(body.Length), body, sendBytes: body.Length / 2);

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_full_size_upload_cut_off_at_its_last_byte_leaves_nothing_stored()
    {
        // As large as the site accepts, less the form around it.
        var body = await UploadBodyAsync(ApplicationFormSteps.Pdf((int)PdfUpload.MaxBytes));
        Assert.True(body.Length <= PdfUpload.MaxRequestBytes);
        await SendAndAbortAsync(Head(body.Length), body, sendBytes: body.Length - 1);

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_full_size_upload_sent_in_one_go_is_stored_byte_for_byte_through_the_servers_small_read_ahead()
    {
        // The server reads at most RequestSizeLimits.ReadAheadBytes of a body ahead of the app, so a
        // sender faster than the form reader waits on TCP; the whole 10 MB must still arrive intact.
        var pdf = ApplicationFormSteps.Pdf((int)PdfUpload.MaxBytes);
        var body = await UploadBodyAsync(pdf);
        Assert.True(body.Length > 100 * RequestSizeLimits.ReadAheadBytes);

        var status = await SendWholeAsync(Head(body.Length), body);

        Assert.Equal(302, status);
        await using var db = _site.CreateDbContext();
        var document = await db.ApplicationDocuments.Include(d => d.Content).SingleAsync(d => d.ApplicationId == _id);
        Assert.Equal("replacement.pdf", document.FileName);
        Assert.Equal(pdf, document.Content!.Bytes);
    }

    [Fact]
    public async Task A_corrupted_multipart_body_is_refused_without_an_error_page_and_leaves_nothing_stored()
    {
        var body = await UploadBodyAsync(ApplicationFormSteps.Pdf(500_000));
        // Damage the closing boundary: the file part never ends.
        var closing = Encoding.ASCII.GetBytes($"--{Boundary}--");
        var at = body.AsSpan().LastIndexOf(closing);
        Assert.True(at > 0);
        body.AsSpan(at + 2, closing.Length - 2).Fill((byte)'x');

        var status = await SendWholeAsync(Head(body.Length), body);

        Assert.Equal(400, status);
        await AssertNothingStoredAsync();
    }

    /// <summary>The multipart body a browser sends for the documents form, with a fresh antiforgery token.</summary>
    private async Task<byte[]> UploadBodyAsync(byte[] pdf)
    {
        var token = await _browser.GetAntiforgeryTokenAsync($"/apply/{_id}/documents");
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{HtmlForms.AntiforgeryField}\"\r\n\r\n{token}\r\n");
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCv\r\n");
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"replacement.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.Write(pdf);
        Text($"\r\n--{Boundary}--\r\n");
        return body.ToArray();
    }

    private byte[] Head(int contentLength)
    {
        var address = _site.App.BaseAddress;
        var cookies = _site.CookieHeader(_browser);
        return Encoding.ASCII.GetBytes(
            $"POST /apply/{_id}/documents HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: {cookies}\r\n"
            + $"Content-Type: multipart/form-data; boundary={Boundary}\r\nContent-Length: {contentLength}\r\n\r\n");
    }

    /// <summary>Sends the head and the first <paramref name="sendBytes"/> of the body, then resets the connection.</summary>
    private async Task SendAndAbortAsync(byte[] head, byte[] body, int sendBytes)
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(head);
        await socket.SendAsync(body.AsMemory(0, sendBytes));
        // Give the server time to start reading the body, so the abort lands mid-request.
        await Task.Delay(300);
        socket.LingerState = new LingerOption(enable: true, seconds: 0);
        socket.Close();
    }

    /// <summary>Sends the whole request and returns the response's status code.</summary>
    private async Task<int> SendWholeAsync(byte[] head, byte[] body)
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(head);
        await socket.SendAsync(body);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(Bounded);
        var read = await socket.ReceiveAsync(buffer, timeout.Token);
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _site.App.BaseAddress.Port);
        return socket;
    }

    /// <summary>The CV uploaded first is the only document; the buffers are cleaned; the app still works.</summary>
    private async Task AssertNothingStoredAsync()
    {
        // The server notices the reset and ends the request on its own schedule; wait for its buffers to go.
        var deadline = DateTime.UtcNow + Bounded;
        while (Directory.EnumerateFileSystemEntries(_site.BufferPath).Any())
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Request buffers left behind: {string.Join(", ", Directory.EnumerateFileSystemEntries(_site.BufferPath))}");
            await Task.Delay(100);
        }

        Assert.False(_site.App.HasExited, _site.App.Output);
        using (var health = await _browser.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await using (var db = _site.CreateDbContext())
        {
            var application = await db.Applications.Include(a => a.Documents).ThenInclude(d => d.Content).SingleAsync(a => a.Id == _id);
            var document = Assert.Single(application.Documents);
            Assert.Equal(DocumentKind.Cv, document.Kind);
            Assert.Equal("cv.pdf", document.FileName);
            Assert.Equal(_cv, document.Content!.Bytes);
            Assert.Equal(1, await db.ApplicationDocuments.CountAsync());
            Assert.Equal(1, await db.DocumentContents.CountAsync());
        }

        // And the next upload, whole this time, replaces the CV.
        var next = ApplicationFormSteps.Pdf(60_000);
        using var upload = await _browser.UploadAsync(_id, "Cv", next, "cv2.pdf");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await using var after = _site.CreateDbContext();
        Assert.Equal(next, (await after.DocumentContents.SingleAsync()).Bytes);
    }
}
