using HanZhao.Recruit.Data;
using HanZhao.Recruit.Migrations.Sqlite.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The app runs SQLite on the model written ahead of time by migrations/compile-model.sh (start-up does not
/// build it). These tests fail when that file no longer describes the model OnModelCreating builds, which is
/// what EF would otherwise use: a changed entity, property, column, conversion, key, index or relationship.
/// </summary>
public class CompiledModelTests
{
    private const string Rerun = "The compiled SQLite model is out of date: run migrations/compile-model.sh";

    [Fact]
    public void The_compiled_model_has_the_same_tables_columns_keys_indexes_and_relationships_as_the_model()
    {
        using var built = BuiltContext();
        using var compiled = CompiledContext();

        var expected = Describe(built.GetService<IDesignTimeModel>().Model);
        var actual = Describe(compiled.Model);

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count + extra.Count == 0,
            $"{Rerun}.\nThe model has: {string.Join("\n  ", missing)}\nThe compiled model has: {string.Join("\n  ", extra)}");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void The_app_uses_the_compiled_model_on_sqlite()
    {
        using var app = new RecruitAppFactory();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();

        Assert.Same(RecruitDbContextModel.Instance, db.Model);
    }

    private static RecruitDbContext BuiltContext() =>
        new(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=unused.db"));

    // As the app's context: the compiled model is initialised for use when a context first takes it.
    private static RecruitDbContext CompiledContext() =>
        new(new DbContextOptionsBuilder<RecruitDbContext>(RecruitDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=unused.db"))
            .UseModel(RecruitDbContextModel.Instance).Options);

    /// <summary>One line per thing a query or a save depends on, in a stable order.</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity => (IEnumerable<string>)
        [
            $"{entity.Name} table {entity.GetTableName()} base {entity.BaseType?.Name} owned {entity.IsOwned()}",
            .. entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType.Name} column {p.GetColumnName()} nullable {p.IsNullable} max {p.GetMaxLength()} "
                + $"provider type {p.GetProviderClrType()?.Name} generated {p.ValueGenerated} concurrency {p.IsConcurrencyToken} "
                + $"computed {p.GetComputedColumnSql()} default {p.GetDefaultValueSql()}"),
            .. entity.GetKeys().Select(k => $"{entity.Name} key {Columns(k.Properties)} primary {k.IsPrimaryKey()}"),
            .. entity.GetForeignKeys().Select(f =>
                $"{entity.Name} foreign key {Columns(f.Properties)} to {f.PrincipalEntityType.Name} delete {f.DeleteBehavior} required {f.IsRequired}"),
            .. entity.GetIndexes().Select(i => $"{entity.Name} index {i.GetDatabaseName()} {Columns(i.Properties)} unique {i.IsUnique} filter {i.GetFilter()}"),
            .. entity.GetNavigations().Select(n => $"{entity.Name} navigation {n.Name} to {n.TargetEntityType.Name} collection {n.IsCollection}"),
        ]),
        .. model.GetRelationalModel().Tables.SelectMany(table =>
            table.Columns.Select(c => $"table {table.Name} column {c.Name} {c.StoreType} nullable {c.IsNullable}")),
    ];

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
