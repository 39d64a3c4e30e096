using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Where a submission's time goes, measured inside the app's process (loaded by <see cref="StartupHook"/>;
/// the app's code is unchanged). It listens to the events ASP.NET Core, MVC and EF Core already publish
/// (<see cref="DiagnosticListener"/>) and splits each POST into: the time before the action runs
/// (reading and binding the body, antiforgery, sign-in), the action's work before its first
/// transaction (reads, the PDF checks), waiting for SQLite's write lock (BEGIN IMMEDIATE until it
/// returns: the busy retries), the work inside the write transactions, their commits, and the rest.
/// <see cref="TracePath"/> answers the medians and 99th percentiles so far and starts again.
/// </summary>
#pragma warning disable CA1050 // Beside the StartupHook, outside any namespace like it.
public static class SubmitTrace
#pragma warning restore CA1050
{
    public const string TracePath = "/bench-trace";

    /// <summary>Set to 1 in the benchmark's environment (the app inherits it) to trace; off, nothing is listened to.</summary>
    public const string Variable = "BENCH_TRACE";

    private const string Key = "bench.trace";

    private static readonly ConcurrentQueue<RequestTrace> Finished = new();

    public static void Subscribe()
    {
        if (Environment.GetEnvironmentVariable(Variable) == "1")
        {
            DiagnosticListener.AllListeners.Subscribe(new Listener());
        }
    }

    /// <summary>The split since the last call, when the app traces; else null.</summary>
    public static async Task<string?> ReadAsync(HttpClient client)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return null;
        }

        using var response = await client.GetAsync(new Uri(TracePath, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The phases of one POST, in milliseconds, and what it was.</summary>
    private sealed class RequestTrace(string kind)
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private long _actionStart;
        private long _actionEnd;
        private long _transactionStarting;
        private long _transactionStarted;
        private long _firstTransaction;

        public string Kind { get; } = kind;

        public double BeforeAction { get; private set; }

        public double BeforeTransaction { get; private set; }

        public double LockWait { get; private set; }

        public double InsideTransaction { get; private set; }

        public double Commit { get; private set; }

        public double Total { get; private set; }

        public int Transactions { get; private set; }

        public void ActionStarted() => _actionStart = Stopwatch.GetTimestamp();

        public void ActionEnded() => _actionEnd = Stopwatch.GetTimestamp();

        public void TransactionStarting()
        {
            _transactionStarting = Stopwatch.GetTimestamp();
            _firstTransaction = _firstTransaction == 0 ? _transactionStarting : _firstTransaction;
        }

        public void TransactionStarted()
        {
            _transactionStarted = Stopwatch.GetTimestamp();
            LockWait += Ms(_transactionStarting, _transactionStarted);
            Transactions++;
        }

        public void TransactionEnded(TimeSpan commit)
        {
            InsideTransaction += Ms(_transactionStarted, Stopwatch.GetTimestamp()) - commit.TotalMilliseconds;
            Commit += commit.TotalMilliseconds;
        }

        public void Stopped()
        {
            var end = Stopwatch.GetTimestamp();
            Total = Ms(_start, end);
            BeforeAction = _actionStart == 0 ? Total : Ms(_start, _actionStart);
            BeforeTransaction = _actionStart == 0 ? 0 : Ms(_actionStart, _firstTransaction == 0 ? (_actionEnd == 0 ? end : _actionEnd) : _firstTransaction);
        }

        private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
    }

    private static RequestTrace? Current => Activity.Current?.GetCustomProperty(Key) as RequestTrace;

    /// <summary>The split so far, one line per kind of POST and phase, then forgets it.</summary>
    private static string Report()
    {
        var traces = new List<RequestTrace>();
        while (Finished.TryDequeue(out var trace))
        {
            traces.Add(trace);
        }

        var text = new StringBuilder();
        foreach (var kind in traces.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{kind.Key}: {kind.Count()} requests, {kind.Average(t => t.Transactions):F1} write transactions each\n");
            foreach (var (name, value) in new (string, Func<RequestTrace, double>)[]
            {
                ("total", t => t.Total), ("before the action (body read, binding, antiforgery)", t => t.BeforeAction),
                ("action before its first transaction (reads, PDF checks)", t => t.BeforeTransaction),
                ("waiting for the write lock (BEGIN)", t => t.LockWait), ("inside write transactions", t => t.InsideTransaction),
                ("commits", t => t.Commit),
            })
            {
                var values = kind.Select(value).Order().ToList();
                text.Append(CultureInfo.InvariantCulture, $"  {name}: p50 {Percentile(values, 50):F0} ms, p99 {Percentile(values, 99):F0} ms, mean {values.Average():F0} ms\n");
            }
        }

        return text.ToString();
    }

    private static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Listener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name is "Microsoft.AspNetCore" or "Microsoft.EntityFrameworkCore" or "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(this, IsTraced);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            switch (value.Key)
            {
                case "HostBuilding" when value.Value is IHostBuilder builder:
                    builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TraceEndpoint()));
                    break;
                case "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" when value.Value is HttpContext { Request.Method: "POST" } context:
                    var kind = context.Request.Path.Value!.EndsWith("/documents", StringComparison.Ordinal) ? "upload"
                        : context.Request.Path.Value.EndsWith("/submit", StringComparison.Ordinal) ? "submit" : "other post";
                    Activity.Current?.SetCustomProperty(Key, new RequestTrace(kind));
                    break;
                case "Microsoft.AspNetCore.Hosting.HttpRequestIn.Stop" when Current is { } trace:
                    trace.Stopped();
                    Finished.Enqueue(trace);
                    break;
                case "Microsoft.AspNetCore.Mvc.BeforeActionMethod":
                    Current?.ActionStarted();
                    break;
                case "Microsoft.AspNetCore.Mvc.AfterActionMethod":
                    Current?.ActionEnded();
                    break;
                case "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarting":
                    Current?.TransactionStarting();
                    break;
                case "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarted":
                    Current?.TransactionStarted();
                    break;
                case "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted"
                    or "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionRolledBack":
                    Current?.TransactionEnded((value.Value as Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData)?.Duration ?? TimeSpan.Zero);
                    break;
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        private static bool IsTraced(string name) =>
            name is "HostBuilding" or "Microsoft.AspNetCore.Hosting.HttpRequestIn" or "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start"
                or "Microsoft.AspNetCore.Hosting.HttpRequestIn.Stop" or "Microsoft.AspNetCore.Mvc.BeforeActionMethod"
                or "Microsoft.AspNetCore.Mvc.AfterActionMethod"
            || name.StartsWith("Microsoft.EntityFrameworkCore.Database.Transaction.", StringComparison.Ordinal);
    }

    private sealed class TraceEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) => context.Request.Path == TracePath ? context.Response.WriteAsync(Report()) : rest(context));
            next(app);
        };
    }
}
