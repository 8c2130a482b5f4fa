module github.com/example-org/${{ values.name }}

go 1.22
