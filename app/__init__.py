"""Ringkväll: domain, persistence, services and command line. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Ringkväll"
