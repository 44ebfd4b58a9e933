"""The national Algoritmeregister: its publication standard 1.0 as data (`standard`), our
algorithms as entries the register accepts (`entry`, `html`), the checks of `datavisie check`
and `datavisie algoritmeregister` (`checks`), and that command (`command`).

Importing this package imports nothing heavy: `schemas.py` takes the register's policy areas
from `standard` at import."""
