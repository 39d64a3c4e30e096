using Microsoft.EntityFrameworkCore.Migrations;

namespace HanZhao.Recruit.Data.Migrations;

/// <summary>
/// The hand-written part of the SqlServerRules migration, which shortens Identity's string keys from
/// nvarchar(450) to nvarchar(128) (user and role ids, the columns that reference them, login and
/// token names) so no clustered key is over SQL Server's 900 bytes. SQL Server refuses ALTER COLUMN
/// on a column that a primary key or a foreign key uses (EF rebuilds plain indexes itself, not
/// those), so <see cref="DropKeys"/> runs before the generated AlterColumn operations and
/// <see cref="RestoreKeys"/> after them, in Up and in Down alike. The constraints are found in the
/// catalog, not listed here: a foreign key to AspNetUsers added by another migration is handled too.
/// Their definitions wait in the table <c>__KeyLengthChange</c> between the two steps (a table, not a
/// variable: EF may run the operations as separate batches). SQLite has no column lengths: nothing runs there.
/// </summary>
public static class SqlServerRulesSql
{
    private const string WorkTable = "[__KeyLengthChange]";

    public static void DropKeys(MigrationBuilder b, bool sqlServer)
    {
        if (!sqlServer)
        {
            return;
        }

        b.Sql($"""
            IF OBJECT_ID(N'{WorkTable}') IS NULL
                CREATE TABLE {WorkTable} ([Id] int IDENTITY(1,1) NOT NULL PRIMARY KEY, [Step] int NOT NULL, [Sql] nvarchar(max) NOT NULL);
            """);
        b.Sql($$"""
            DECLARE @columns TABLE ([object_id] int NOT NULL, [column_id] int NOT NULL, PRIMARY KEY ([object_id], [column_id]));
            -- The keys that change length...
            INSERT INTO @columns ([object_id], [column_id])
            SELECT c.[object_id], c.[column_id] FROM sys.columns AS c
            WHERE (c.[object_id] IN (OBJECT_ID(N'[AspNetUsers]'), OBJECT_ID(N'[AspNetRoles]')) AND c.[name] = N'Id')
               OR (c.[object_id] = OBJECT_ID(N'[AspNetUserLogins]') AND c.[name] IN (N'LoginProvider', N'ProviderKey'))
               OR (c.[object_id] = OBJECT_ID(N'[AspNetUserTokens]') AND c.[name] IN (N'LoginProvider', N'Name'));
            -- ...and every column that references one of them, at any depth.
            WHILE 1 = 1
            BEGIN
                INSERT INTO @columns ([object_id], [column_id])
                SELECT DISTINCT fkc.[parent_object_id], fkc.[parent_column_id]
                FROM sys.foreign_key_columns AS fkc
                JOIN @columns AS k ON k.[object_id] = fkc.[referenced_object_id] AND k.[column_id] = fkc.[referenced_column_id]
                WHERE NOT EXISTS (SELECT 1 FROM @columns AS x WHERE x.[object_id] = fkc.[parent_object_id] AND x.[column_id] = fkc.[parent_column_id]);
                IF @@ROWCOUNT = 0 BREAK;
            END;

            -- Primary keys and unique constraints on those columns: remembered (step 1), then dropped.
            DECLARE @keys TABLE ([object_id] int NOT NULL, [index_id] int NOT NULL, PRIMARY KEY ([object_id], [index_id]));
            INSERT INTO @keys ([object_id], [index_id])
            SELECT DISTINCT i.[object_id], i.[index_id] FROM sys.indexes AS i
            JOIN sys.index_columns AS ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id]
            JOIN @columns AS k ON k.[object_id] = ic.[object_id] AND k.[column_id] = ic.[column_id]
            WHERE i.[is_primary_key] = 1 OR i.[is_unique_constraint] = 1;
            INSERT INTO {{WorkTable}} ([Step], [Sql])
            SELECT 1,
                N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(i.[object_id])) + N'.' + QUOTENAME(OBJECT_NAME(i.[object_id]))
                + N' ADD CONSTRAINT ' + QUOTENAME(i.[name]) + CASE WHEN i.[is_primary_key] = 1 THEN N' PRIMARY KEY ' ELSE N' UNIQUE ' END
                + i.[type_desc] COLLATE DATABASE_DEFAULT + N' ('
                + (SELECT STRING_AGG(QUOTENAME(COL_NAME(ic.[object_id], ic.[column_id])) + CASE WHEN ic.[is_descending_key] = 1 THEN N' DESC' ELSE N'' END, N', ')
                       WITHIN GROUP (ORDER BY ic.[key_ordinal])
                   FROM sys.index_columns AS ic WHERE ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id] AND ic.[key_ordinal] > 0)
                + N');'
            FROM sys.indexes AS i JOIN @keys AS k ON k.[object_id] = i.[object_id] AND k.[index_id] = i.[index_id];

            -- Foreign keys on those columns, and any that references one of those keys (it could not
            -- outlive it): remembered (step 2, after the keys), then dropped.
            DECLARE @foreignKeys TABLE ([object_id] int NOT NULL PRIMARY KEY);
            INSERT INTO @foreignKeys ([object_id])
            SELECT fk.[object_id] FROM sys.foreign_keys AS fk
            WHERE EXISTS (SELECT 1 FROM sys.foreign_key_columns AS fkc
                          JOIN @columns AS k ON k.[object_id] = fkc.[parent_object_id] AND k.[column_id] = fkc.[parent_column_id]
                          WHERE fkc.[constraint_object_id] = fk.[object_id])
               OR EXISTS (SELECT 1 FROM @keys AS k WHERE k.[object_id] = fk.[referenced_object_id] AND k.[index_id] = fk.[key_index_id]);
            INSERT INTO {{WorkTable}} ([Step], [Sql])
            SELECT 2,
                N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(fk.[parent_object_id])) + N'.' + QUOTENAME(OBJECT_NAME(fk.[parent_object_id]))
                + N' ADD CONSTRAINT ' + QUOTENAME(fk.[name]) + N' FOREIGN KEY ('
                + (SELECT STRING_AGG(QUOTENAME(COL_NAME(c.[parent_object_id], c.[parent_column_id])), N', ') WITHIN GROUP (ORDER BY c.[constraint_column_id])
                   FROM sys.foreign_key_columns AS c WHERE c.[constraint_object_id] = fk.[object_id])
                + N') REFERENCES ' + QUOTENAME(OBJECT_SCHEMA_NAME(fk.[referenced_object_id])) + N'.' + QUOTENAME(OBJECT_NAME(fk.[referenced_object_id])) + N' ('
                + (SELECT STRING_AGG(QUOTENAME(COL_NAME(c.[referenced_object_id], c.[referenced_column_id])), N', ') WITHIN GROUP (ORDER BY c.[constraint_column_id])
                   FROM sys.foreign_key_columns AS c WHERE c.[constraint_object_id] = fk.[object_id])
                + N') ON DELETE ' + REPLACE(fk.[delete_referential_action_desc], N'_', N' ')
                + N' ON UPDATE ' + REPLACE(fk.[update_referential_action_desc], N'_', N' ') + N';'
            FROM sys.foreign_keys AS fk JOIN @foreignKeys AS f ON f.[object_id] = fk.[object_id];

            DECLARE @drop nvarchar(max) =
                ISNULL((SELECT STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(fk.[parent_object_id])) + N'.' + QUOTENAME(OBJECT_NAME(fk.[parent_object_id]))
                    + N' DROP CONSTRAINT ' + QUOTENAME(fk.[name]) + N';' AS nvarchar(max)), N' ')
                 FROM sys.foreign_keys AS fk JOIN @foreignKeys AS f ON f.[object_id] = fk.[object_id]), N'')
                + ISNULL((SELECT STRING_AGG(CAST(N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(i.[object_id])) + N'.' + QUOTENAME(OBJECT_NAME(i.[object_id]))
                    + N' DROP CONSTRAINT ' + QUOTENAME(i.[name]) + N';' AS nvarchar(max)), N' ')
                 FROM sys.indexes AS i JOIN @keys AS k ON k.[object_id] = i.[object_id] AND k.[index_id] = i.[index_id]), N'');
            EXEC sp_executesql @drop;
            """);
    }

    public static void RestoreKeys(MigrationBuilder b, bool sqlServer)
    {
        if (!sqlServer)
        {
            return;
        }

        // Keys first, then the foreign keys that reference them.
        b.Sql($"""
            DECLARE @restore nvarchar(max) =
                ISNULL((SELECT STRING_AGG([Sql], NCHAR(10)) WITHIN GROUP (ORDER BY [Step], [Id]) FROM {WorkTable}), N'');
            EXEC sp_executesql @restore;
            DROP TABLE {WorkTable};
            """);
    }
}
