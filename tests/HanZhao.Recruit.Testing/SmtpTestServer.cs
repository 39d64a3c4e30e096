using System.Diagnostics;
using MimeKit;
using Xunit;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// The real SMTP server from <c>tests/smtp-server</c> (npm smtp-server) on 127.0.0.1. Tests read
/// what it received as MimeKit messages, stop it to simulate an outage and start it again on the
/// same port. Use it as a class fixture or create one per test.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly TemporaryDirectory _mailbox = new("smtp");
    private readonly string? _rejectPattern;
    private readonly TimeSpan _delay;
    private Process? _process;
    private int _connections;
    private int _closed;
    private int _messages;

    public SmtpTestServer()
    {
    }

    private SmtpTestServer(string? rejectPattern, TimeSpan delay)
    {
        _rejectPattern = rejectPattern;
        _delay = delay;
    }

    /// <summary>A server that refuses recipients matching the regular expression with a permanent 550.</summary>
    public static SmtpTestServer Rejecting(string rejectPattern) => new(rejectPattern, TimeSpan.Zero);

    /// <summary>
    /// A slow server: it stores each message, then waits <paramref name="perMessage"/> before
    /// answering 250, so a test can kill the sender while a batch is in flight.
    /// </summary>
    public static SmtpTestServer Slow(TimeSpan perMessage) => new(rejectPattern: null, perMessage);

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>SMTP connections opened since the server first started.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Connections open now: a client that said QUIT (or dropped the line) is no longer counted.</summary>
    public int OpenConnectionCount => Volatile.Read(ref _connections) - Volatile.Read(ref _closed);

    /// <summary>
    /// Messages stored since the server first started, counted from its output: waiting for a number
    /// of them costs nothing, where listing the mailbox costs more the fuller it gets.
    /// </summary>
    public int MessageCount => Volatile.Read(ref _messages);

    public string MailboxPath => _mailbox.Path;

    public async Task InitializeAsync() => await StartAsync();

    /// <summary>Starts the server; after a <see cref="StopAsync"/> it comes back on the same port.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        await NodePackages.EnsureInstalledAsync();
        var script = Path.Combine(RepositoryPaths.Tests, "smtp-server", "server.mjs");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Tests,
        };
        foreach (var argument in new[] { script, "--dir", _mailbox.Path, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (_rejectPattern is not null)
        {
            start.ArgumentList.Add("--reject");
            start.ArgumentList.Add(_rejectPattern);
        }

        if (_delay > TimeSpan.Zero)
        {
            start.ArgumentList.Add("--delay");
            start.ArgumentList.Add(((int)_delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.StartsWith("listening ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(e.Data["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (e.Data.StartsWith("connection ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _connections);
            }
            else if (e.Data.StartsWith("closed ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _closed);
            }
            else if (e.Data.StartsWith("message ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _messages);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The SMTP test server exited: {errors}. Did `npm ci --prefix tests` run?"));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Port = await listening.Task.WaitAsync(Patience.Limit);
    }

    /// <summary>Stops the server: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.EnumerateFiles(_mailbox.Path, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))];

    /// <summary>Waits until <paramref name="count"/> messages match, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(
        Func<MimeMessage, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience.Limit);
        while (true)
        {
            var found = Messages().Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Expected {count} matching message(s), found {found.Count} of {Messages().Count} received.");
            }

            await Task.Delay(100);
        }
    }

    public Task<IReadOnlyList<MimeMessage>> WaitForMessagesToAsync(string recipient, int count = 1, TimeSpan? timeout = null) =>
        WaitForMessagesAsync(
            message => message.To.Mailboxes.Any(m => m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase)),
            count, timeout);

    public async Task DisposeAsync()
    {
        await StopAsync();
        _mailbox.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
