"""Exports of a dataset for other tools: trajectories for movingpandas (more to come)."""

from movemap.export.trajectories import to_trajectories

__all__ = ["to_trajectories"]
