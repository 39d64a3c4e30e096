using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// nginx from Debian (test.sh installs it) terminating TLS on a free port of 127.0.0.1 in front of
/// an app, with a self-signed certificate made by openssl: the deployment the README describes. It
/// runs in the foreground as the test's own user, every file in a temporary folder, and is killed on
/// dispose. It reaches the app from <see cref="ProxyAddress"/>, so the app can tell its requests
/// from a client's that connects to the app directly (from 127.0.0.1).
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    /// <summary>The address nginx connects to the app from (<c>proxy_bind</c>): the one the app trusts.</summary>
    public const string ProxyAddress = "127.0.0.2";

    /// <summary>The public host name: the certificate's, and the one clients ask for.</summary>
    public const string PublicHost = "recruit.test";

    private readonly TemporaryDirectory _folder;
    private readonly Process _process;

    private NginxProxy(TemporaryDirectory folder, Process process, int port, X509Certificate2 certificate)
    {
        _folder = folder;
        _process = process;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    /// <summary>The address visitors use: https, the public host, nginx's port.</summary>
    public Uri PublicUrl => new($"https://{PublicHost}:{Port}/");

    /// <summary>The certificate nginx presents; clients accept exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    public string ErrorLog => Path.Combine(_folder.Path, "error.log");

    /// <summary>
    /// The server block of docs/SCALING.md ("nginx"): TLS on <paramref name="listen"/>, every request to
    /// <paramref name="app"/> with the headers the app trusts from <paramref name="proxyBind"/>.
    /// </summary>
    public static string ServerBlock(string listen, string certificate, string key, Uri app, string? proxyBind) =>
        $$"""
            server {
                listen {{listen}} ssl;
                server_name {{PublicHost}};
                ssl_certificate     {{certificate}};
                ssl_certificate_key {{key}};
                ssl_protocols       TLSv1.2 TLSv1.3;
                # The app's own upload limits answer first; nginx only stops what is far beyond them.
                client_max_body_size 64m;

                location / {
                    proxy_pass {{app.GetLeftPart(UriPartial.Authority)}};
                    proxy_http_version 1.1;
            {{(proxyBind is null ? string.Empty : $"        proxy_bind {proxyBind};\n")}}        # The Host the visitor asked for, port included (redirects and cookies are built from it).
                    proxy_set_header Host              $http_host;
                    # Appends the address nginx saw: the app (ForwardLimit 1) reads only that last entry.
                    proxy_set_header X-Forwarded-For   $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-Host  $http_host;
                }
            }
            """;

    /// <summary>Makes the certificate, writes nginx.conf, starts nginx in front of <paramref name="app"/> on <paramref name="port"/> and waits until it accepts connections.</summary>
    public static async Task<NginxProxy> StartAsync(int port, Uri app)
    {
        var folder = new TemporaryDirectory("nginx");
        var certificatePath = Path.Combine(folder.Path, "proxy.crt");
        var keyPath = Path.Combine(folder.Path, "proxy.key");
        await RunAsync("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyPath, "-out", certificatePath, "-days", "2", "-subj", $"/CN={PublicHost}", "-addext", $"subjectAltName=DNS:{PublicHost}");
        var temp = folder.Path;
        // Run as root (CI), nginx would hand its workers to "nobody", who may not write this folder.
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        var configuration = $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{temp}}/nginx.pid;
            error_log {{temp}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{temp}}/access.log;
                client_body_temp_path {{temp}}/client_body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
            {{ServerBlock($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", certificatePath, keyPath, app, ProxyAddress)}}
            }
            """;
        var configurationPath = Path.Combine(folder.Path, "nginx.conf");
        await File.WriteAllTextAsync(configurationPath, configuration);

        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder.Path, "-e", Path.Combine(folder.Path, "error.log"), "-c", configurationPath })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            folder.Dispose();
            throw new InvalidOperationException("nginx is not installed: ./test.sh installs it (Debian package nginx).", e);
        }

        var proxy = new NginxProxy(folder, process, port, X509CertificateLoader.LoadCertificateFromFile(certificatePath));
        try
        {
            await proxy.WaitUntilListeningAsync();
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        return proxy;
    }

    /// <summary>
    /// A client that connects to nginx from <paramref name="from"/> (any 127.x address is this
    /// machine), asks for the public host and trusts only this proxy's certificate. Redirects are
    /// not followed, so a test reads them; cookies are kept.
    /// </summary>
    public HttpClient Client(string from)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString();
        return new HttpClient(handler) { BaseAddress = PublicUrl, Timeout = Patience.Limit };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Certificate.Dispose();
        _folder.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {ReadErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < Patience.Limit)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }
    }

    private string ReadErrorLog() => File.Exists(ErrorLog) ? File.ReadAllText(ErrorLog) : string.Empty;

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {await errors}");
        }
    }
}
