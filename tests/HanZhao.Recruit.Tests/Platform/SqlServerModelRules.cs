using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// What SQL Server refuses at <c>CREATE</c>, or accepts and then fails or mishandles at run time,
/// read from an EF model built for the SQL Server provider (no connection is opened). No SQL Server
/// runs on these machines, so this is the only place its rules are checked before production.
/// Each problem is one line naming the table, constraint or column.
/// </summary>
internal static partial class SqlServerModelRules
{
    /// <summary>SQL Server's key size limits (bytes): a clustered index, and any other index.</summary>
    public const int ClusteredKeyLimit = 900;
    public const int NonclusteredKeyLimit = 1700;

    public static IReadOnlyList<string> Check(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = model.GetRelationalModel().Tables.ToList();
        return
        [
            .. CascadePaths(tables),
            .. tables.SelectMany(KeySizes),
            .. tables.SelectMany(UniqueNullableWithoutFilter),
            .. model.GetEntityTypes().SelectMany(ColumnTypes),
        ];
    }

    /// <summary>
    /// "may cause cycles or multiple cascade paths" (error 1785): from one table, the deletes that
    /// cascade (or set null) must reach any other table by at most one way, and never come back.
    /// </summary>
    private static IEnumerable<string> CascadePaths(List<ITable> tables)
    {
        var cascading = tables.SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name);
        foreach (var start in tables)
        {
            var ways = new Dictionary<string, List<string>>();
            Walk(start.Name, start.Name, new HashSet<string> { start.Name });
            foreach (var (target, paths) in ways.Where(w => w.Value.Count > 1 || w.Key == start.Name))
            {
                yield return target == start.Name
                    ? $"Cascade cycle: deleting from {start.Name} comes back to it ({paths[0]})"
                    : $"Multiple cascade paths from {start.Name} to {target}: {string.Join(" | ", paths)}";
            }

            void Walk(string table, string path, HashSet<string> onPath)
            {
                foreach (var fk in cascading[table])
                {
                    var next = fk.Table.Name;
                    var nextPath = $"{path} -[{fk.Name}]-> {next}";
                    (ways.TryGetValue(next, out var list) ? list : ways[next] = []).Add(nextPath);
                    if (onPath.Add(next))
                    {
                        Walk(next, nextPath, onPath);
                        onPath.Remove(next);
                    }
                }
            }
        }
    }

    /// <summary>Key columns' widest values against 900/1,700 bytes, and no (max) column in a key.</summary>
    private static IEnumerable<string> KeySizes(ITable table)
    {
        var primaryKey = table.PrimaryKey;
        // The primary key is clustered unless it says otherwise or another index takes the place.
        var clusteredIndex = table.Indexes.FirstOrDefault(i => i.MappedIndexes.Any(m => m.IsClustered() == true));
        var keys = table.UniqueConstraints
            .Select(u => (u.Name, Columns: u.Columns, Clustered: u == primaryKey && clusteredIndex is null && u.MappedKeys.All(k => k.IsClustered() != false)))
            .Concat(table.Indexes.Select(i => (i.Name, Columns: i.Columns, Clustered: i == clusteredIndex)));
        foreach (var (name, columns, clustered) in keys)
        {
            var widths = columns.Select(c => (c.Name, c.StoreType, Bytes: MaxBytes(c.StoreType))).ToList();
            foreach (var max in widths.Where(w => w.Bytes is null))
            {
                yield return $"Index {name} on {table.Name} has {max.Name} {max.StoreType} as a key column (SQL Server refuses (max) and unknown types in keys)";
            }

            var total = widths.Sum(w => w.Bytes ?? 0);
            var limit = clustered ? ClusteredKeyLimit : NonclusteredKeyLimit;
            if (total > limit)
            {
                yield return $"Index {name} on {table.Name} has keys of up to {total} bytes, over the {limit} of a {(clustered ? "clustered" : "nonclustered")} index: "
                    + string.Join(", ", widths.Select(w => $"{w.Name} {w.StoreType}"));
            }
        }
    }

    /// <summary>SQL Server's unique index lets one NULL in, not many: a nullable unique key needs "IS NOT NULL" as its filter.</summary>
    private static IEnumerable<string> UniqueNullableWithoutFilter(ITable table) =>
        table.Indexes
            .Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable) && string.IsNullOrWhiteSpace(i.Filter))
            .Select(i => $"Unique index {i.Name} on {table.Name} has nullable {string.Join(", ", i.Columns.Where(c => c.IsNullable).Select(c => c.Name))} and no filter: a second NULL would be refused");

    /// <summary>decimal with no precision (SQL Server's decimal(18,2) silently rounds), DateTime not in datetime2.</summary>
    private static IEnumerable<string> ColumnTypes(IEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var table = entity.GetTableName() ?? entity.Name;
            if (type == typeof(decimal) && property.GetPrecision() is null
                && (property.FindAnnotation(RelationalAnnotationNames.ColumnType)?.Value as string)?.Contains('(', StringComparison.Ordinal) != true)
            {
                yield return $"decimal {table}.{property.GetColumnName()} has no precision (SQL Server would use decimal(18,2))";
            }

            if (type == typeof(DateTime) && property.GetColumnType() is { } columnType && !columnType.StartsWith("datetime2", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"DateTime {table}.{property.GetColumnName()} is {columnType}, not datetime2 (datetime rounds to 1/300 s and stops at 1753)";
            }
        }
    }

    /// <summary>The most bytes a value of a SQL Server store type takes in an index key; null for (max) and types not known here.</summary>
    public static int? MaxBytes(string storeType)
    {
        var match = StoreTypePattern().Match(storeType.Trim());
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.ToLowerInvariant();
        var size = match.Groups["size"].Value;
        if (size.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int? length = size.Length > 0 ? int.Parse(size, CultureInfo.InvariantCulture) : null;
        return name switch
        {
            "nvarchar" or "nchar" => 2 * (length ?? 1),
            "varchar" or "char" or "varbinary" or "binary" => length ?? 1,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" => 4,
            "bigint" or "float" or "datetime" or "money" or "rowversion" or "timestamp" => 8,
            "date" => 3,
            "time" => 5,
            "datetime2" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            "decimal" or "numeric" => (length ?? 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z0-9]+)\s*(\(\s*(?<size>max|\d+)\s*(,\s*\d+\s*)?\))?$")]
    private static partial Regex StoreTypePattern();
}
