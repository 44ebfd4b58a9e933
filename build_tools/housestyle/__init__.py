"""The house style: theme/huisstijl.yml -> typed tokens -> CSS, fonts, colours."""
